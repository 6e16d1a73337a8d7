/**
 * npm run bench:queries [-- --events 1000000 --seed 2024 --seconds 10 --connections 10 --profile]
 *
 * Read endpoints of the real app on the SYNTHETIC log of 1 M events, already projected (see
 * bench:rebuild): one unit's obligations (the busiest unit, and a plan's first lead unit), the
 * dashboard summary of a plan, a target's history (one with an approved revision), and an asOf
 * query (the busiest unit's obligations as recorded at 2024-07-01). autocannon on
 * loopback, each query alone for a bounded duration; baseline: bare fastify serving each body
 * canned, byte for byte.
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

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const seconds = numberArg(args, 'seconds', 10);
  const warmup = numberArg(args, 'warmup', 2);
  const connections = numberArg(args, 'connections', 10);
  const profile = args.has('profile');
  const { dir, manifest } = await ensureProjectedDataset(events, seed);
  const s = manifest.samples;
  const unit = s.busiestUnits[0] ?? s.unit;
  const targetId = s.revisedTargetId ?? s.targetId;
  const queries: Query[] = [
    // The unit that acted most in the run: a street office owing items of ~10 plans (worst case).
    { name: 'unit obligations (busiest)', path: `/units/${encodeURIComponent(unit)}/obligations` },
    // The first lead unit of the first plan: a department (区数据局) of a district.
    {
      name: 'unit obligations (sample lead)',
      path: `/units/${encodeURIComponent(s.unit)}/obligations`,
    },
    { name: 'dashboard summary', path: `/dashboard/summary?planId=${s.planId}` },
    { name: 'target history', path: `/targets/${targetId}/history` },
    {
      name: 'unit obligations (busiest) asOf',
      path: `/units/${encodeURIComponent(unit)}/obligations?asOf=${encodeURIComponent(s.asOf)}`,
    },
  ];
  const token = mintToken(BENCH_JWT_SECRET, {
    sub: 'bench-supervisor',
    role: 'supervisor',
    name: '压测督办',
  });
  const headers = { authorization: `Bearer ${token}` };

  const work = join(benchDataDir(), 'queries', 'data');
  copyProjectedTo(dir, work);
  console.log(
    `Starting the app on a copy of the projected SYNTHETIC log (${manifest.eventsInStore.toLocaleString('en-US')} events) …`,
  );
  const app = await startApi(work, { env: { SEED_PLAN: 'false' }, timeoutMs: 3_600_000, profile });
  console.log(`  serving after ${(app.readyMs / 1000).toFixed(2)} s`);
  const bodies: { query: Query; body: string; status: number }[] = [];
  const appResults = new Map<string, ReturnType<typeof summarizeCannon>>();
  try {
    for (const query of queries) {
      const response = await fetch(app.url + query.path, { headers });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`GET ${query.path} answered ${response.status}: ${body.slice(0, 500)}`);
      bodies.push({ query, body, status: response.status });
    }
    await app.profiler?.start();
    for (const query of queries) {
      if (warmup > 0)
        await autocannon({ url: app.url + query.path, connections, duration: warmup, headers });
      appResults.set(
        query.name,
        summarizeCannon(
          await autocannon({ url: app.url + query.path, connections, duration: seconds, headers }),
        ),
      );
      console.log(`  app  ${query.name}: ${appResults.get(query.name)!.requestsPerSecond} req/s`);
    }
    if (app.profiler) {
      const file = join(benchDataDir(), 'profiles', 'queries.cpuprofile');
      await app.profiler.stop(file);
      console.log(`CPU profile of the app: ${file}`);
    }
  } finally {
    const rss = rssOf(app.child.process.pid!);
    if (rss) console.log(`  app RSS after the run: ${mib(rss)} MiB`);
    await app.child.stop();
  }

  const routes: CannedRoute[] = bodies.map(({ body, status }, i) => ({
    method: 'GET',
    url: `/canned/q${i}`,
    status,
    body,
  }));
  const bare = await startBare('queries', routes);
  const bareResults = new Map<string, ReturnType<typeof summarizeCannon>>();
  try {
    for (const [i, query] of queries.entries()) {
      if (warmup > 0)
        await autocannon({
          url: `${bare.url}/canned/q${i}`,
          connections,
          duration: warmup,
          headers,
        });
      bareResults.set(
        query.name,
        summarizeCannon(
          await autocannon({
            url: `${bare.url}/canned/q${i}`,
            connections,
            duration: seconds,
            headers,
          }),
        ),
      );
    }
  } finally {
    await bare.child.stop();
  }

  const rows: Row[] = [];
  const results = queries.map((query, i) => {
    const a = appResults.get(query.name)!;
    const b = bareResults.get(query.name)!;
    const ratio = round(a.requestsPerSecond / b.requestsPerSecond, 4);
    const met = ratio >= 0.5 && a.latencyMs.p99 <= 10;
    rows.push({
      query: query.name,
      bytes: Buffer.byteLength(bodies[i].body),
      'app req/s': a.requestsPerSecond,
      'app p99 ms': a.latencyMs.p99,
      'bare req/s': b.requestsPerSecond,
      'bare p99 ms': b.latencyMs.p99,
      'app/bare': ratio,
      'target ≥0.5 & p99≤10': met ? 'met' : 'MISSED',
      non2xx: a.non2xx,
    });
    return {
      query: query.name,
      path: query.path,
      responseBytes: Buffer.byteLength(bodies[i].body),
      app: a,
      bare: b,
      appToBare: ratio,
      meetsRatioTarget: ratio >= 0.5,
      meetsP99Target: a.latencyMs.p99 <= 10,
    };
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
      'Read endpoints of the real app (child process, production entry) on a copy of the projected SYNTHETIC log; supervisor token; each query alone with autocannon; baseline bare fastify serving the same body canned.',
    events: manifest.eventsInStore,
    parameters: { seconds, warmupSeconds: warmup, connections },
    targets: { appToBare: 0.5, p99Ms: 10 },
    results,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
