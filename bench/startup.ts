/**
 * npm run bench:startup [-- --events 1000000 --seed 2024 --runs 5]
 *
 * Time from spawning the production entry (node scripts/run.js apps/api/main.js) to its first
 * 2xx on GET /health (which answers 503 until the read models have caught up with the log), on a
 * data dir holding the SYNTHETIC log of 1 M events already projected; RSS right after that and
 * 2 s later. The first start is a warm-up that also lets the read models catch up if the
 * projection versions changed since bench:rebuild; it is reported but not counted.
 * The OS page cache is warm after it (the benchmark cannot drop caches).
 */
import { join } from 'node:path';
import { startApi } from './lib/app';
import { rssOf } from './lib/http';
import { copyProjectedTo, ensureProjectedDataset } from './lib/projected';
import {
  benchDataDir,
  mib,
  numberArg,
  parseArgs,
  printTable,
  writeResults,
  resultName,
} from './lib/report';
import { median, round } from './lib/stats';
import { DEFAULT_EVENTS, DEFAULT_SEED } from './workload/dataset';

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const runs = numberArg(args, 'runs', 5);
  const { dir, manifest } = await ensureProjectedDataset(events, seed);
  const work = join(benchDataDir(), 'startup', 'data');
  copyProjectedTo(dir, work);

  const env = { SEED_PLAN: 'false' };
  const warm = await startApi(work, { env, timeoutMs: 3_600_000 });
  const warmupMs = warm.readyMs;
  await warm.child.stop();
  console.log(`warm-up start: ${(warmupMs / 1000).toFixed(2)} s`);

  if (args.has('profile')) {
    // One start sampled from its first line of JavaScript to its first 200 of /health.
    const app = await startApi(work, {
      env: { ...env, BENCH_PROFILE_FROM_START: '1' },
      profile: true,
      timeoutMs: 600_000,
    });
    const file = join(benchDataDir(), 'profiles', 'startup.cpuprofile');
    await app.profiler!.stop(file);
    await app.child.stop();
    console.log(
      `profiled start: serving after ${(app.readyMs / 1000).toFixed(3)} s (with profiler); CPU profile: ${file}`,
    );
    return;
  }

  const measured: { readyMs: number; rssAtReadyMiB: number; rssAfter2sMiB: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const app = await startApi(work, { env, timeoutMs: 600_000 });
    const rssAtReady = rssOf(app.child.process.pid!) ?? 0;
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = rssOf(app.child.process.pid!) ?? 0;
    await app.child.stop();
    measured.push({
      readyMs: round(app.readyMs, 1),
      rssAtReadyMiB: mib(rssAtReady),
      rssAfter2sMiB: mib(rssAfter),
    });
    console.log(
      `  start ${i + 1}: serving after ${(app.readyMs / 1000).toFixed(3)} s, RSS ${mib(rssAtReady)} MiB (${mib(rssAfter)} MiB 2 s later)`,
    );
  }
  const readySeconds = median(measured.map((m) => m.readyMs)) / 1000;
  const worstSeconds = Math.max(...measured.map((m) => m.readyMs)) / 1000;
  const rssMiB = Math.max(...measured.map((m) => Math.max(m.rssAtReadyMiB, m.rssAfter2sMiB)));
  printTable(
    `Startup on ${manifest.eventsInStore.toLocaleString('en-US')} SYNTHETIC events, already projected (${runs} starts)`,
    [
      {
        figure: 'spawn → first 200 of /health, median (s)',
        value: round(readySeconds, 3),
        target: '≤ 2 s',
        verdict: readySeconds <= 2 ? 'met' : 'MISSED',
      },
      { figure: 'spawn → first 200 of /health, worst (s)', value: round(worstSeconds, 3) },
      {
        figure: 'RSS after start, worst of at-ready / +2 s (MiB)',
        value: rssMiB,
        target: '≤ 300 MB',
        verdict: rssMiB * 2 ** 20 <= 300e6 ? 'met' : 'MISSED',
      },
      { figure: 'warm-up start, not counted (s)', value: round(warmupMs / 1000, 3) },
    ],
  );
  writeResults(resultName('startup', events), {
    label: 'SYNTHETIC',
    description:
      'Spawn of node scripts/run.js apps/api/main.js (SEED_PLAN=false) on a copy of the projected SYNTHETIC log → first 200 of GET /health (503 until the read models are caught up). Warm page cache. RSS from /proc/<pid>/status VmRSS.',
    events: manifest.eventsInStore,
    runs: measured,
    warmupStartSeconds: round(warmupMs / 1000, 3),
    medianReadySeconds: round(readySeconds, 3),
    worstReadySeconds: round(worstSeconds, 3),
    worstRssMiB: rssMiB,
    targets: { readySeconds: 2, rssMB: 300 },
    meetsTargets: { ready: readySeconds <= 2, rss: rssMiB * 2 ** 20 <= 300e6 },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
