/**
 * npm run bench:rebuild-experiments [-- --events 100000 --seed 2024]
 *
 * Evidence for the proposed rebuild fixes that can be tried without touching libs/: the same
 * rebuild as bench:rebuild (ProjectionRunner.rebuild over READ_MODELS, in a child process) with
 * the runner's batchSize and the read-model connection's SQLite pragmas varied. Defaults to a
 * 100 k-event SYNTHETIC log so the matrix runs in minutes; each run is bounded by --max-seconds.
 */
import { join } from 'node:path';
import { copyEventsTo, ensureDataset } from './workload/dataset';
import { runRebuildChild } from './lib/projected';
import {
  benchDataDir,
  mib,
  numberArg,
  parseArgs,
  printTable,
  writeResults,
  type Row,
} from './lib/report';
import { round } from './lib/stats';

const MATRIX: { name: string; env: Record<string, string> }[] = [
  { name: 'production defaults (batch 500, cache 2 MiB)', env: {} },
  { name: 'batch 5,000', env: { BENCH_BATCH_SIZE: '5000' } },
  { name: 'cache 256 MiB', env: { BENCH_CACHE_MIB: '256' } },
  {
    name: 'batch 5,000 + cache 256 MiB',
    env: { BENCH_BATCH_SIZE: '5000', BENCH_CACHE_MIB: '256' },
  },
  {
    name: 'batch 5,000 + cache 256 MiB + wal_autocheckpoint 100k pages',
    env: { BENCH_BATCH_SIZE: '5000', BENCH_CACHE_MIB: '256', BENCH_WAL_AUTOCHECKPOINT: '100000' },
  },
];

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', 100_000);
  const seed = numberArg(args, 'seed', 2024);
  const maxSeconds = numberArg(args, 'max-seconds', 1200);
  const { dir, manifest } = await ensureDataset(events, seed);
  const work = join(benchDataDir(), 'rebuild-experiments');
  const rows: Row[] = [];
  const results: object[] = [];
  let baseline: number | undefined;
  for (const setting of MATRIX) {
    copyEventsTo(dir, work);
    const report = await runRebuildChild(work, maxSeconds, [], setting.env);
    if (report.kind !== 'done') {
      rows.push({ setting: setting.name, 'events/s': `did not finish in ${maxSeconds} s` });
      continue;
    }
    const rate = manifest.eventsInStore / report.seconds;
    baseline ??= rate;
    const peak = mib(report.peakRssBytes ?? 0);
    console.log(`  ${setting.name}: ${Math.round(rate)} events/s`);
    rows.push({
      setting: setting.name,
      'time s': round(report.seconds, 1),
      'events/s': Math.round(rate),
      'vs default': round(rate / baseline, 2),
      'peak RSS MiB': peak,
    });
    results.push({
      setting: setting.name,
      env: setting.env,
      seconds: round(report.seconds, 2),
      eventsPerSecond: Math.round(rate),
      speedup: round(rate / baseline, 3),
      peakRssMiB: peak,
    });
  }
  printTable(
    `Rebuild experiments on ${manifest.eventsInStore.toLocaleString('en-US')} SYNTHETIC events`,
    rows,
  );
  writeResults(`rebuild-experiments-${events}`, {
    label: 'SYNTHETIC',
    description:
      'ProjectionRunner.rebuild() of READ_MODELS with the runner batchSize and read-model pragmas varied from bench code (libs/ untouched).',
    events: manifest.eventsInStore,
    results,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
