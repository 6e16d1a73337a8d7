import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder up from here whose package.json is duty-ledger's. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'duty-ledger'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the duty-ledger repository root');
    dir = parent;
  }
}

export const benchDataDir = (): string => resolve(repoRoot(), 'bench', '.data');
export const resultsDir = (): string => resolve(repoRoot(), 'bench', 'results');

export interface MachineInfo {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    nproc: cpus().length,
    cpuModel,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export type Row = Record<string, string | number | boolean | null | undefined>;

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: readonly Row[]): void {
  if (rows.length === 0) {
    console.log(`${title}: (no rows)`);
    return;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string]) =>
    v === undefined || v === null ? '' : typeof v === 'number' ? formatNumber(v) : String(v);
  const widths = columns.map((c) => Math.max(width(c), ...rows.map((r) => width(cell(r[c])))));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? pad(v, widths[i]) : padStart(v, widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(columns.map((c) => cell(r[c]))));
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

/** The commit the measured code came from, and whether libs/ or apps/ differed from it. */
export function codeVersion(): { commit: string; libsOrAppsModified: boolean } | undefined {
  try {
    const { execSync } = require('node:child_process') as typeof import('node:child_process');
    const git = (command: string) =>
      execSync(command, { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    return {
      commit: git('git rev-parse --short HEAD'),
      libsOrAppsModified: git('git status --porcelain -- libs apps') !== '',
    };
  } catch {
    return undefined;
  }
}

/** Writes bench/results/<name>.json with the machine it ran on and when. */
export function writeResults(name: string, figures: object): string {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const body = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    code: codeVersion(),
    machine: machineInfo(),
    ...figures,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
  return file;
}

/** Minimal --flag value / --flag=value parser; numbers accept 1_000_000 and 1e6. */
export function parseArgs(argv: readonly string[] = process.argv.slice(2)): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) out.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.set(arg.slice(2), argv[++i]);
    else out.set(arg.slice(2), 'true');
  }
  return out;
}

export function numberArg(args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got '${raw}'`);
  return value;
}

export const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Results of a run on another log size go to <base>-<events>.json, so quick runs never overwrite the 1 M figures. */
export const resultName = (base: string, events: number, defaultEvents = 1_000_000): string =>
  events === defaultEvents ? base : `${base}-${events}`;
