import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyEventsTo, ensureDataset, type Manifest } from '../workload/dataset';
import { startNode } from './http';
import { benchDataDir } from './report';

export const READ_MODELS_FILE = 'read-models.sqlite';

export interface RebuildReport {
  kind: 'done' | 'timeout';
  seconds: number;
  headPosition?: string;
  projections: { name: string; version: number; eventsApplied: number; caughtUp: boolean }[];
  peakRssBytes?: number;
  sampledPeakRssBytes?: number;
  rssBeforeBytes?: number;
  maxSeconds?: number;
}

/** Runs bench/rebuild-child.js on `workDir` (events.sqlite, read-models.sqlite) and returns its report. */
export async function runRebuildChild(
  workDir: string,
  maxSeconds: number,
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RebuildReport> {
  const child = startNode(
    'bench/rebuild-child.js',
    { BENCH_DATA_DIR: workDir, BENCH_MAX_SECONDS: String(maxSeconds), ...env },
    nodeArgs,
  );
  const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith('{"kind"'));
  if (!line)
    throw new Error(`rebuild child failed (exit ${code}):\n${child.output().slice(-4000)}`);
  return JSON.parse(line) as RebuildReport;
}

/**
 * The SYNTHETIC data set with its read models already built (bench:rebuild leaves them next to
 * the data set; when they are missing they are rebuilt here first).
 */
export async function ensureProjectedDataset(
  events: number,
  seed: number,
  log = console.log,
): Promise<{ dir: string; manifest: Manifest }> {
  const { dir, manifest } = await ensureDataset(events, seed, log);
  if (!existsSync(join(dir, READ_MODELS_FILE))) {
    const work = join(benchDataDir(), 'rebuild');
    copyEventsTo(dir, work);
    log(
      'No projected read models next to the data set: rebuilding them first (as bench:rebuild does) …',
    );
    const report = await runRebuildChild(work, 3600);
    if (report.kind !== 'done') throw new Error('the rebuild did not finish in time');
    log(`  rebuilt in ${report.seconds.toFixed(1)} s`);
    copyFileSync(join(work, READ_MODELS_FILE), join(dir, READ_MODELS_FILE));
  }
  return { dir, manifest };
}

/** A fresh data dir for the app: a copy of the data set's log and read models. */
export function copyProjectedTo(datasetDir: string, workDir: string): void {
  copyEventsTo(datasetDir, workDir);
  mkdirSync(workDir, { recursive: true });
  rmSync(join(workDir, READ_MODELS_FILE), { force: true });
  copyFileSync(join(datasetDir, READ_MODELS_FILE), join(workDir, READ_MODELS_FILE));
}
