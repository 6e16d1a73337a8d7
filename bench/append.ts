/**
 * npm run bench:append [-- --seconds 20 --slice-ms 250 --max-appends 200000 --normal]
 *
 * Single-event durable appends through the store port (SqliteEventStore.append) against raw
 * better-sqlite3 doing the same revision check and insert in one BEGIN IMMEDIATE transaction:
 * same schema (the store creates both files), same pragmas (WAL, synchronous=FULL), same disk,
 * in the same run. 1 writer, then 4 concurrent writers (4 worker threads, each with its own
 * store and its own raw connection; all 4 write the same file at any moment).
 *
 * The disk of a VM is noisy: fsync stalls come and go over seconds. So the contenders are not
 * run one after the other: time is cut into slices (--slice-ms, order ABBA…) and every writer
 * switches between store and raw at each slice, through a shared flag. Each contender's rate is
 * its appends over the total time of its slices. Bounded: --seconds per writer count, and
 * --max-appends per writer. --normal adds diagnostic rows at synchronous=NORMAL (no fsync per
 * commit), where the store's own CPU cost is not hidden behind the disk.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@duty-ledger/event-store';
import {
  benchDataDir,
  numberArg,
  parseArgs,
  printTable,
  writeResults,
  type Row,
} from './lib/report';
import { percentile, round, sortedCopy } from './lib/stats';
import { nextMessage, startWorker } from './lib/workers';
import { PHASE_RAW, PHASE_STORE, type AppendWorkerData } from './append-worker';

interface WorkerDone {
  counts: [number, number];
  errors: [number, number];
  store: Float64Array;
  raw: Float64Array;
}

const files = (path: string) => ['', '-wal', '-shm'].map((s) => path + s);

async function measure(
  fsync: boolean,
  writers: number,
  seconds: number,
  sliceMs: number,
  maxAppends: number,
  dir: string,
) {
  const tag = `${fsync ? 'full' : 'normal'}-${writers}w`;
  const storePath = join(dir, `store-${tag}.sqlite`);
  const rawPath = join(dir, `raw-${tag}.sqlite`);
  for (const f of [...files(storePath), ...files(rawPath)]) rmSync(f, { force: true });
  // The store creates the schema in both files, so raw writes into exactly the same tables.
  await SqliteEventStore.open({ path: storePath, fsync }).close();
  await SqliteEventStore.open({ path: rawPath, fsync }).close();
  const control = new SharedArrayBuffer(3 * 4);
  const flags = new Int32Array(control);
  const workers = Array.from({ length: writers }, (_, writer) =>
    startWorker('bench/append-worker.js', {
      storePath,
      rawPath,
      fsync,
      writer,
      streams: 50,
      maxAppends,
      control,
    } satisfies AppendWorkerData),
  );
  try {
    await Promise.all(workers.map((w) => nextMessage(w, 'ready', 30_000)));
    const done = workers.map((w) =>
      Promise.race([
        nextMessage<WorkerDone>(w, 'done', (seconds + 120) * 1000),
        nextMessage<{ message: string }>(w, 'failed', (seconds + 120) * 1000).then((f) =>
          Promise.reject(new Error(f.message)),
        ),
      ]),
    );
    const timeIn = [0, 0];
    const slices = Math.max(2, Math.round((seconds * 1000) / sliceMs));
    Atomics.store(flags, 0, PHASE_STORE);
    Atomics.store(flags, 2, 1); // go
    let last = performance.now();
    for (let i = 0; i < slices; i++) {
      // ABBA ordering: store, raw, raw, store, store, raw …
      const phase = (i + 1) % 4 < 2 ? PHASE_STORE : PHASE_RAW;
      Atomics.store(flags, 0, phase);
      await new Promise((r) => setTimeout(r, sliceMs));
      const now = performance.now();
      timeIn[phase] += now - last;
      last = now;
    }
    Atomics.store(flags, 1, 1); // stop
    const results = await Promise.all(done);
    const summarize = (phase: number) => {
      const count = results.reduce((n, r) => n + r.counts[phase], 0);
      const parts = results.map((r) => (phase === PHASE_STORE ? r.store : r.raw));
      const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
      let offset = 0;
      for (const p of parts) {
        all.set(p, offset);
        offset += p.length;
      }
      const sorted = sortedCopy(all);
      return {
        appends: count,
        errors: results.reduce((n, r) => n + r.errors[phase], 0),
        seconds: round(timeIn[phase] / 1000, 2),
        appendsPerSecond: round(count / (timeIn[phase] / 1000), 1),
        p50Ms: round(percentile(sorted, 50), 3),
        p99Ms: round(percentile(sorted, 99), 3),
        meanMs: round(all.reduce((a, b) => a + b, 0) / Math.max(1, all.length), 3),
      };
    };
    return { store: summarize(PHASE_STORE), raw: summarize(PHASE_RAW) };
  } finally {
    Atomics.store(flags, 1, 1);
    await Promise.all(workers.map((w) => w.terminate()));
    for (const f of [...files(storePath), ...files(rawPath)]) rmSync(f, { force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs();
  const seconds = numberArg(args, 'seconds', 20);
  const sliceMs = numberArg(args, 'slice-ms', 250);
  const maxAppends = numberArg(args, 'max-appends', 200_000);
  const syncModes = args.has('normal') ? [true, false] : [true];
  const dir = join(benchDataDir(), 'append');
  mkdirSync(dir, { recursive: true });

  const configs: object[] = [];
  const rows: Row[] = [];
  for (const fsync of syncModes) {
    for (const writers of [1, 4]) {
      const { store, raw } = await measure(fsync, writers, seconds, sliceMs, maxAppends, dir);
      const ratio = round(store.appendsPerSecond / raw.appendsPerSecond, 3);
      const synchronous = fsync ? 'FULL' : 'NORMAL';
      console.log(
        `  synchronous=${synchronous} writers=${writers}: store ${store.appendsPerSecond}/s, raw ${raw.appendsPerSecond}/s`,
      );
      configs.push({
        synchronous,
        writers,
        store,
        raw,
        ratioStoreToRaw: ratio,
        target: fsync ? 0.8 : null,
        meetsTarget: fsync ? ratio >= 0.8 : null,
      });
      for (const [mode, s] of [
        ['store', store],
        ['raw', raw],
      ] as const) {
        rows.push({
          mode,
          synchronous,
          writers,
          appends: s.appends,
          'appends/s': s.appendsPerSecond,
          'p50 ms': s.p50Ms,
          'p99 ms': s.p99Ms,
          'store/raw': mode === 'store' ? ratio : undefined,
          'target ≥0.8': mode === 'store' && fsync ? (ratio >= 0.8 ? 'met' : 'MISSED') : undefined,
        });
      }
    }
  }
  printTable(
    'Single-event appends: store port vs raw better-sqlite3 (WAL), interleaved time slices',
    rows,
  );
  writeResults('append', {
    description:
      'Single-event appends, store port (SqliteEventStore.append) vs raw better-sqlite3 doing the same revision check + insert in one BEGIN IMMEDIATE transaction; WAL; fresh files; 50 streams per writer; 4 writers = 4 worker threads, each with its own store and raw connection, all on the same file at any moment; store and raw alternate in time slices (ABBA) so disk noise hits both.',
    parameters: { secondsPerWriterCount: seconds, sliceMs, maxAppendsPerWriter: maxAppends },
    results: configs,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
