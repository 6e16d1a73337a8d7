import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './report';

// autocannon ships no types; this is the part of its API the benches use.
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (
    request: AutocannonRequest,
    context: Record<string, unknown>,
  ) => AutocannonRequest;
}
export interface AutocannonHistogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}
export interface AutocannonResult {
  requests: AutocannonHistogram;
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
  timeout?: number;
}

export function autocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  const run = require('autocannon') as (
    o: AutocannonOptions,
    cb: (error: Error | null, result: AutocannonResult) => void,
  ) => unknown;
  return new Promise((resolve, reject) => {
    run(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** The figures of an autocannon run the benches report. */
export function summarizeCannon(result: AutocannonResult) {
  const ok = result['2xx'];
  return {
    requests: result.requests.total,
    ok2xx: ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
    ),
    durationSeconds: result.duration,
    requestsPerSecond: Math.round((ok / result.duration) * 10) / 10,
    requestsPerSecondAvg: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  readonly process: ChildProcess;
  readonly startedAt: bigint;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts a compiled entry (relative to dist/) with scripts/run.js in a child process. */
export function startNode(
  entry: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  ipc = false,
): Child {
  const startedAt = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(repoRoot(), 'scripts', 'run.js'), entry],
    {
      cwd: repoRoot(),
      env: { ...process.env, ...env },
      stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    process: child,
    startedAt,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls GET url until it answers 2xx; returns the ms it took. Bounded by timeoutMs. */
export async function waitForOk(
  url: string,
  timeoutMs: number,
  child?: Child,
  intervalMs = 5,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null)) {
      throw new Error(
        `server exited (${child.process.exitCode ?? child.process.signalCode}) before ${url} answered:\n${child.output().slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs)
      throw new Error(
        `${url} did not answer within ${timeoutMs} ms${child ? `:\n${child.output().slice(-4000)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resident set size of a process in bytes (Linux /proc), or undefined. */
export function rssOf(pid: number): number | undefined {
  try {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a process in bytes (VmHWM), or undefined. */
export function peakRssOf(pid: number): number | undefined {
  try {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
