/**
 * The measured part of bench/rebuild, in its own process so its peak RSS is the rebuild's alone:
 * every read model rebuilt from the start of the log with the projections lib's own API
 * (ProjectionRunner.rebuild over READ_MODELS), as `npm run cli -- projections rebuild` does.
 * Prints one JSON line.
 */
import { join } from 'node:path';
import { SystemClock } from '@duty-ledger/clock';
import { SqliteEventStore } from '@duty-ledger/event-store';
import {
  openReadModelDb,
  ProjectionRunner,
  READ_MODEL_FILE,
  READ_MODELS,
} from '@duty-ledger/projections';
import { peakRssOf, rssOf } from './lib/http';

async function main(): Promise<void> {
  const dir = process.env.BENCH_DATA_DIR ?? '';
  const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 1800);
  const watchdog = setTimeout(() => {
    console.log(
      JSON.stringify({ kind: 'timeout', maxSeconds, peakRssBytes: peakRssOf(process.pid) }),
    );
    process.exit(3);
  }, maxSeconds * 1000);
  const rssBefore = rssOf(process.pid) ?? 0;
  const store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });
  const db = openReadModelDb(join(dir, READ_MODEL_FILE));
  // Experiment knobs (bench/rebuild-experiments): unset = the production defaults.
  const knob = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const knobs = {
    batchSize: knob('BENCH_BATCH_SIZE'),
    catchUpBatchSize: knob('BENCH_CATCH_UP_BATCH_SIZE'),
    cacheMiB: knob('BENCH_CACHE_MIB'),
    walAutocheckpoint: knob('BENCH_WAL_AUTOCHECKPOINT'),
  };
  if (knobs.cacheMiB !== undefined) db.pragma(`cache_size = ${-knobs.cacheMiB * 1024}`);
  if (knobs.walAutocheckpoint !== undefined) {
    db.pragma(`wal_autocheckpoint = ${knobs.walAutocheckpoint}`);
  }
  const runner = new ProjectionRunner({
    store,
    db,
    projections: READ_MODELS,
    clock: new SystemClock(),
    ...(knobs.batchSize !== undefined ? { batchSize: knobs.batchSize } : {}),
    ...(knobs.catchUpBatchSize !== undefined ? { catchUpBatchSize: knobs.catchUpBatchSize } : {}),
  });
  let sampledPeak = 0;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, rssOf(process.pid) ?? 0);
  }, 100);
  const started = process.hrtime.bigint();
  await runner.rebuild();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  const status = await runner.status();
  const head = await store.headPosition();
  await runner.stop();
  db.close();
  await store.close();
  clearTimeout(watchdog);
  console.log(
    JSON.stringify({
      kind: 'done',
      seconds,
      knobs,
      headPosition: head?.commit.toString(),
      projections: status.projections.map((p) => ({
        name: p.name,
        version: p.version,
        eventsApplied: p.eventsApplied,
        caughtUp: p.caughtUp,
      })),
      peakRssBytes: peakRssOf(process.pid),
      sampledPeakRssBytes: sampledPeak,
      rssBeforeBytes: rssBefore,
      heapUsedAfterBytes: process.memoryUsage().heapUsed,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
