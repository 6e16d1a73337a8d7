import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDataDir, repoRoot } from './report';
import { freePort, startNode, waitForOk, type Child } from './http';

export const BENCH_JWT_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

export interface RunningServer {
  readonly child: Child;
  readonly url: string;
  /** ms from spawn to the first 2xx of GET /health. */
  readonly readyMs: number;
  /** With `profile: true`: start / stop the in-process CPU profiler (bench/profiled-api). */
  readonly profiler?: {
    start(): Promise<void>;
    /** Writes the .cpuprofile to `file`. */
    stop(file: string): Promise<void>;
  };
}

function ask(child: Child, message: object, reply: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no '${reply}' from the profiled app`)),
      timeoutMs,
    );
    const onMessage = (m: unknown) => {
      if (m !== reply) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve();
    };
    child.process.on('message', onMessage);
    child.process.send(message);
  });
}

/**
 * Starts the real API (dist/apps/api/main.js, the production entry) in a child process on a
 * free loopback port and waits for GET /health. The embedded SQLite store is used: any
 * EVENTSTORE_CONNECTION_STRING of the caller's environment is removed.
 */
export interface StartApiOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly nodeArgs?: string[];
  /** Compiled entry relative to dist/; default the production entry apps/api/main.js. */
  readonly entry?: string;
  /** How long to wait for the first 2xx of /health (which waits for the read models to catch up). */
  readonly timeoutMs?: number;
  /** Run the app under bench/profiled-api.js, whose CPU profiler is driven over IPC. */
  readonly profile?: boolean;
}

export async function startApi(
  dataDir: string,
  options: StartApiOptions = {},
): Promise<RunningServer> {
  const { env = {}, nodeArgs = [], timeoutMs = 120_000, profile = false } = options;
  const entry = profile ? 'bench/profiled-api.js' : (options.entry ?? 'apps/api/main.js');
  const port = await freePort();
  const child = startNode(
    entry,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: BENCH_JWT_SECRET,
      SEEDS_DIR: join(repoRoot(), 'seeds'),
      EVENTSTORE_CONNECTION_STRING: '',
      NODE_ENV: 'production',
      ...env,
    },
    nodeArgs,
    profile,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const readyMs = await waitForOk(`${url}/health`, timeoutMs, child);
    const profiler = profile
      ? {
          start: () => ask(child, { kind: 'start-profile' }, 'profile-started'),
          stop: (file: string) => ask(child, { kind: 'write-profile', file }, 'profile-written'),
        }
      : undefined;
    return { child, url, readyMs, profiler };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

export interface CannedRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

/** Starts bench/bare-server.js (bare fastify) answering the canned routes. */
export async function startBare(
  name: string,
  routes: readonly CannedRoute[],
): Promise<RunningServer> {
  const dir = join(benchDataDir(), name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bare-routes.json');
  writeFileSync(file, JSON.stringify(routes));
  const port = await freePort();
  const child = startNode('bench/bare-server.js', { PORT: String(port), BARE_ROUTES_FILE: file });
  const url = `http://127.0.0.1:${port}`;
  const readyMs = await waitForOk(`${url}/health`, 30_000, child);
  return { child, url, readyMs };
}
