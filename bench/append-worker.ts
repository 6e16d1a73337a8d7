/**
 * One writer of bench/append. It holds both contenders at once: the store (SqliteEventStore
 * through its port, on one file) and raw better-sqlite3 (same schema and pragmas, on another
 * file), and appends single events with whichever the main thread's phase flag names, so both
 * see the same moments of the disk. It stops by itself on the stop flag or after maxAppends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent } from '@duty-ledger/event-store';
import { LatencyRecorder } from './lib/stats';

export interface AppendWorkerData {
  readonly storePath: string;
  readonly rawPath: string;
  readonly fsync: boolean;
  readonly writer: number;
  readonly streams: number;
  readonly maxAppends: number;
  /** Int32Array view: [0] phase (0 = store, 1 = raw), [1] stop. */
  readonly control: SharedArrayBuffer;
}

export const PHASE_STORE = 0;
export const PHASE_RAW = 1;

const input = workerData as AppendWorkerData;

/** A MilestoneReported as the app writes it (about 600 bytes of data + metadata). */
function milestone(stream: string, n: number): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: 'MilestoneReported',
    schemaVersion: 1,
    data: {
      taskId: stream.slice(5),
      targetId: `${stream.slice(5)}-g1`,
      milestoneId: randomUUID(),
      unit: '云溪区数据局',
      value: n,
      asOf: '2024-06-30',
      basis: 'in-period',
      note: `截至目前完成${n}个`,
      evidence: [],
    },
    metadata: {
      actor: { id: 'bench-lead-1', role: 'lead', unit: '云溪区数据局', name: '王芳' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: new Date().toISOString(),
      recordedAt: new Date().toISOString(),
    },
  };
}

function openRaw(path: string, fsync: boolean) {
  const db = new Database(path, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${fsync ? 'FULL' : 'NORMAL'}`);
  const current = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The same work the store must do: revision check and insert in one BEGIN IMMEDIATE transaction.
  const append = db.transaction((stream: string, expected: number, event: NewEvent) => {
    const row = current.get(stream) as { revision: number | null };
    const actual = row.revision ?? -1;
    if (actual !== expected)
      throw new Error(`wrong expected revision ${expected}, actual ${actual}`);
    insert.run(
      stream,
      expected + 1,
      event.id,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      new Date().toISOString(),
    );
  }).immediate;
  return { append, close: () => db.close() };
}

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const control = new Int32Array(input.control);
  const store = SqliteEventStore.open({ path: input.storePath, fsync: input.fsync });
  const raw = openRaw(input.rawPath, input.fsync);
  const streams = Array.from(
    { length: input.streams },
    (_, i) => `task-bench-w${input.writer}-s${i}`,
  );
  const revisions = [
    new Array<number>(input.streams).fill(-1),
    new Array<number>(input.streams).fill(-1),
  ];
  const counts = [0, 0];
  const errors = [0, 0];
  const latencies = [new LatencyRecorder(), new LatencyRecorder()];
  // Events are built ahead (fresh ids per append) so only the append is timed.
  const templates = Array.from({ length: 1024 }, (_, i) =>
    milestone(streams[i % streams.length], i),
  );
  port.postMessage({ kind: 'ready' });
  while (Atomics.load(control, 2) === 0) await new Promise((r) => setTimeout(r, 1));

  let n = 0;
  while (Atomics.load(control, 1) === 0 && n < input.maxAppends) {
    const phase = Atomics.load(control, 0);
    const s = counts[phase] % streams.length;
    const event = { ...templates[n % templates.length], id: randomUUID() };
    const expected = revisions[phase][s];
    const t0 = performance.now();
    try {
      if (phase === PHASE_STORE) {
        await store.append(streams[s], [event], {
          expectedRevision: expected < 0 ? 'no_stream' : expected,
        });
      } else {
        raw.append(streams[s], expected, event);
      }
      revisions[phase][s] += 1;
    } catch (error) {
      errors[phase] += 1;
      if (errors[phase] > 100) throw error;
    }
    latencies[phase].add(performance.now() - t0);
    counts[phase] += 1;
    n += 1;
  }
  await store.close();
  raw.close();
  const values = latencies.map((l) => l.toArray());
  port.postMessage(
    { kind: 'done', counts, errors, store: values[0], raw: values[1] },
    values.map((v) => v.buffer as ArrayBuffer),
  );
}

// Only as a worker: bench/append imports the types and phase constants from here too.
const port = parentPort;
if (port) {
  main(port).catch((error: unknown) => {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.stack : String(error),
    });
    process.exitCode = 1;
  });
}
