/**
 * npm run bench:queries [-- --events 1000000 --seed 2024 --seconds 10 --connections 10
 *                          --cache both|on|off (--no-cache = off) --profile]
 *
 * Read endpoints of the real app on the SYNTHETIC log of 1 M events, already projected (see
 * bench:rebuild): one unit's obligations (the busiest unit, a page and the whole list, and a
 * plan's first lead unit), the dashboard summary of a plan, a target's history (one with an
 * approved revision), an asOf query (the busiest unit's whole list as recorded at 2024-07-01),
 * the light filter across every unit and the attention list. autocannon on loopback, each query
 * alone for a bounded duration, against the app computing every answer (READ_CACHE=off) and the
 * app with its read cache (the default); baseline: bare fastify serving each body canned, byte
 * for byte. Every request of a run is the same GET, so the cached figures are those of a
 * dashboard polling; the computed ones are a first read.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { mintToken } from '@duty-ledger/auth';
import { BENCH_JWT_SECRET, startApi, startBare, type CannedRoute } from './lib/app';
import { autocannon, rssOf, summarizeCannon } from './lib/http';
import { copyProjectedTo, ensureProjectedDataset } from './lib/projected';
import {
  benchDataDir,
  mib,
  numberArg,
  parseArgs,
  printTable,
  writeResults,
  resultName,
  type Row,
} from './lib/report';
import { round } from './lib/stats';
import { DEFAULT_EVENTS, DEFAULT_SEED } from './workload/dataset';

interface Query {
  readonly name: string;
  readonly path: string;
}

type Figures = ReturnType<typeof summarizeCannon>;
type Mode = 'computed' | 'cached';

interface Run {
  readonly connections: number;
  readonly seconds: number;
  readonly warmup: number;
  readonly headers: Record<string, string>;
}

async function measure(url: string, run: Run): Promise<Figures> {
  const { connections, seconds, warmup, headers } = run;
  if (warmup > 0) await autocannon({ url, connections, duration: warmup, headers });
  return summarizeCannon(await autocannon({ url, connections, duration: seconds, headers }));
}

/** Starts the app on a fresh copy of the projected data set and measures every query. */
async function measureApp(
  mode: Mode,
  dir: string,
  queries: readonly Query[],
  run: Run,
  profile: boolean,
): Promise<{ results: Map<string, Figures>; bodies: string[] }> {
  const work = join(benchDataDir(), 'queries', 'data');
  copyProjectedTo(dir, work);
  const app = await startApi(work, {
    env: { SEED_PLAN: 'false', READ_CACHE: mode === 'cached' ? 'on' : 'off' },
    timeoutMs: 3_600_000,
    profile,
  });
  console.log(`  ${mode}: serving after ${(app.readyMs / 1000).toFixed(2)} s`);
  const results = new Map<string, Figures>();
  const bodies: string[] = [];
  try {
    for (const query of queries) {
      const response = await fetch(app.url + query.path, { headers: run.headers });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`GET ${query.path} answered ${response.status}: ${body.slice(0, 500)}`);
      bodies.push(body);
    }
    await app.profiler?.start();
    for (const query of queries) {
      results.set(query.name, await measure(app.url + query.path, run));
      console.log(`  ${mode} ${query.name}: ${results.get(query.name)!.requestsPerSecond} req/s`);
    }
    if (app.profiler) {
      const file = join(benchDataDir(), 'profiles', `queries-${mode}.cpuprofile`);
      await app.profiler.stop(file);
      console.log(`CPU profile of the app (${mode}): ${file}`);
    }
  } finally {
    const rss = rssOf(app.child.process.pid!);
    if (rss) console.log(`  ${mode} app RSS after the run: ${mib(rss)} MiB`);
    await app.child.stop();
  }
  return { results, bodies };
}

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const seconds = numberArg(args, 'seconds', 10);
  const warmup = numberArg(args, 'warmup', 2);
  const connections = numberArg(args, 'connections', 10);
  const profile = args.has('profile');
  const cacheArg = args.has('no-cache') ? 'off' : (args.get('cache') ?? 'both');
  if (!['both', 'on', 'off'].includes(cacheArg))
    throw new Error(`--cache must be both, on or off, got '${cacheArg}'`);
  const modes: Mode[] = [
    ...(cacheArg !== 'on' ? (['computed'] as const) : []),
    ...(cacheArg !== 'off' ? (['cached'] as const) : []),
  ];
  const { dir, manifest } = await ensureProjectedDataset(events, seed);
  const s = manifest.samples;
  const unit = encodeURIComponent(s.busiestUnits[0] ?? s.unit);
  const targetId = s.revisedTargetId ?? s.targetId;
  const queries: Query[] = [
    // The unit that acted most in the run: a street office owing items of ~10 plans (worst case).
    { name: 'unit obligations (busiest), first page', path: `/units/${unit}/obligations` },
    { name: 'unit obligations (busiest), all', path: `/units/${unit}/obligations?limit=1000` },
    // The first lead unit of the first plan: a department (区数据局) of a district.
    {
      name: 'unit obligations (sample lead), first page',
      path: `/units/${encodeURIComponent(s.unit)}/obligations`,
    },
    { name: 'dashboard summary', path: `/dashboard/summary?planId=${s.planId}` },
    { name: 'target history', path: `/targets/${targetId}/history` },
    {
      name: 'unit obligations (busiest) asOf, all',
      path: `/units/${unit}/obligations?limit=1000&asOf=${encodeURIComponent(s.asOf)}`,
    },
    { name: 'obligations at-risk, every unit', path: `/obligations?status=at-risk` },
    { name: 'attention list', path: `/audit/attention` },
  ];
  const token = mintToken(BENCH_JWT_SECRET, {
    sub: 'bench-supervisor',
    role: 'supervisor',
    name: '压测督办',
  });
  const run: Run = { connections, seconds, warmup, headers: { authorization: `Bearer ${token}` } };

  console.log(
    `Starting the app on a copy of the projected SYNTHETIC log (${manifest.eventsInStore.toLocaleString('en-US')} events) …`,
  );
  const measured = new Map<Mode, Map<string, Figures>>();
  let bodies: string[] = [];
  for (const mode of modes) {
    const outcome = await measureApp(mode, dir, queries, run, profile);
    measured.set(mode, outcome.results);
    bodies = outcome.bodies;
  }

  const routes: CannedRoute[] = bodies.map((body, i) => ({
    method: 'GET',
    url: `/canned/q${i}`,
    status: 200,
    body,
  }));
  const bare = await startBare('queries', routes);
  const bareResults = new Map<string, Figures>();
  try {
    for (const [i, query] of queries.entries())
      bareResults.set(query.name, await measure(`${bare.url}/canned/q${i}`, run));
  } finally {
    await bare.child.stop();
  }

  const rows: Row[] = [];
  const results = queries.map((query, i) => {
    const b = bareResults.get(query.name)!;
    const row: Row = { query: query.name, bytes: Buffer.byteLength(bodies[i]) };
    const result: Record<string, unknown> = {
      query: query.name,
      path: query.path,
      responseBytes: Buffer.byteLength(bodies[i]),
      bare: b,
    };
    for (const mode of modes) {
      const a = measured.get(mode)!.get(query.name)!;
      const ratio = round(a.requestsPerSecond / b.requestsPerSecond, 4);
      row[`${mode} req/s`] = a.requestsPerSecond;
      row[`${mode} p99 ms`] = a.latencyMs.p99;
      row[`${mode}/bare`] = ratio;
      row[`${mode} ≥0.5 & p99≤10`] = ratio >= 0.5 && a.latencyMs.p99 <= 10 ? 'met' : 'MISSED';
      result[mode] = {
        ...a,
        appToBare: ratio,
        meetsRatioTarget: ratio >= 0.5,
        meetsP99Target: a.latencyMs.p99 <= 10,
      };
    }
    row['bare req/s'] = b.requestsPerSecond;
    row['bare p99 ms'] = b.latencyMs.p99;
    rows.push(row);
    return result;
  });
  printTable(
    `Queries on ${manifest.eventsInStore.toLocaleString('en-US')} SYNTHETIC events, ${connections} connections, ${seconds} s each (autocannon, loopback)`,
    rows,
  );
  if (profile) {
    console.log(
      '\nProfiled run: figures include the profiler overhead and are not written to bench/results.',
    );
    return;
  }
  writeResults(resultName('queries', events), {
    label: 'SYNTHETIC',
    description:
      'Read endpoints of the real app (child process, production entry) on a copy of the projected SYNTHETIC log; supervisor token; each query alone with autocannon; "computed" with READ_CACHE=off, "cached" with the read cache on (every request of a run is the same GET); baseline bare fastify serving the same body canned.',
    events: manifest.eventsInStore,
    parameters: { seconds, warmupSeconds: warmup, connections, modes },
    targets: { appToBare: 0.5, p99Ms: 10 },
    results,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
