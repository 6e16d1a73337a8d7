import type Database from 'better-sqlite3';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  SqliteEventStore,
  parsePosition,
  type EventStore,
  type Position,
} from '@duty-ledger/event-store';
import type { PlanEvent, TaskEvent } from '@duty-ledger/domain';
import { FixedClock } from '@duty-ledger/clock';
import { planImport } from '../testing/plan-fixture';
import { obligationsProjection } from '../obligations/obligations.projection';
import { unitObligations } from '../obligations/obligations.query';
import { openReadModelDb } from './read-model-db';
import { ProjectionRunner } from './projection-runner';
import { dropTables, type Projection, type ProjectionEvent } from './projection';

/** A read model that notes every event it is given; a second application of one breaks its key. */
function ledgerProjection(
  options: {
    version?: number;
    failAt?: number;
    onFail?: () => void;
    onApply?: (position: bigint) => void;
  } = {},
): Projection & { failures: number } {
  const projection = {
    name: 'ledger',
    version: options.version ?? 1,
    failures: 0,
    setUp(db: Database.Database) {
      db.exec(
        'CREATE TABLE IF NOT EXISTS ledger (event_id TEXT PRIMARY KEY, position TEXT NOT NULL, at TEXT NOT NULL, version INTEGER NOT NULL)',
      );
    },
    tearDown(db: Database.Database) {
      dropTables(db, ['ledger']);
    },
    open(db: Database.Database) {
      const insert = db.prepare(
        'INSERT INTO ledger (event_id, position, at, version) VALUES (?, ?, ?, ?)',
      );
      return {
        apply({ event, at }: ProjectionEvent) {
          insert.run(event.id, event.position.commit.toString(), at, projection.version);
          options.onApply?.(event.position.commit);
          if (event.position.commit === BigInt(options.failAt ?? -1) && projection.failures === 0) {
            projection.failures += 1;
            options.onFail?.();
            throw new Error(`simulated crash at ${event.position.commit}`);
          }
        },
      };
    },
  };
  return projection;
}

const ledgerRows = (db: Database.Database) =>
  db
    .prepare<[], { event_id: string; position: string; at: string; version: number }>(
      'SELECT * FROM ledger ORDER BY CAST(position AS INTEGER)',
    )
    .all();

async function appendAll(
  store: EventStore,
  events: readonly (PlanEvent | TaskEvent)[],
): Promise<Position> {
  let last: Position | undefined;
  for (const event of events) {
    const data = event.data as { planId?: string; taskId?: string };
    const streamId =
      event.type === 'PlanRegistered' ? `plan-${data.planId}` : `task-${data.taskId}`;
    const result = await store.append(
      streamId,
      [
        {
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data as never,
          metadata: { actor: { id: 'u-admin', role: 'admin' }, commandId: 'import' },
        },
      ],
      { expectedRevision: 'any' },
    );
    last = result.position;
  }
  return last as Position;
}

const tasks = (count: number) =>
  planImport(
    'p24',
    2024,
    Array.from({ length: count }, (_, i) => ({
      no: i + 1,
      title: `任务${i + 1}`,
      leads: ['区数据局'],
      targets: [{ metric: `指标${i + 1}`, value: 10, unit: '个' }],
    })),
  );

describe('ProjectionRunner with the SQLite event store', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let clock: FixedClock;
  const runners: ProjectionRunner[] = [];
  const newRunner = (
    projections: Projection[],
    options: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {},
  ) => {
    const runner = new ProjectionRunner({
      store,
      db,
      projections,
      clock,
      batchSize: 10,
      retryDelayMs: 60_000,
      ...options,
    });
    runners.push(runner);
    return runner;
  };

  beforeEach(() => {
    clock = new FixedClock('2024-01-05T02:00:00.000Z');
    store = SqliteEventStore.open({
      path: ':memory:',
      fsync: false,
      clock: () => clock.now(),
      pollIntervalMs: 20,
    });
    db = openReadModelDb(':memory:');
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await store.close();
    db.close();
  });

  it('catches up in batches, follows live appends and stores each checkpoint with the rows', async () => {
    await appendAll(store, tasks(8)); // 1 + 8 × 3 = 25 events
    const ledger = ledgerProjection();
    const runner = newRunner([ledger, obligationsProjection]);
    runner.start();
    await runner.whenCaughtUp();

    expect(ledgerRows(db)).toHaveLength(25);
    expect(runner.checkpoint('ledger')).toMatchObject({
      position: { commit: 25n, prepare: 25n },
      eventsApplied: 25,
    });
    expect(runner.checkpoint('obligations')?.position?.commit).toBe(25n);
    const stored = db
      .prepare<[], { name: string; position: string }>(
        'SELECT name, position FROM projection_checkpoints ORDER BY name',
      )
      .all();
    expect(stored).toEqual([
      { name: 'ledger', position: '25' },
      { name: 'obligations', position: '25' },
    ]);
    expect(await runner.status()).toMatchObject({
      running: true,
      caughtUp: true,
      headPosition: '25',
      projections: [{ name: 'ledger', lagEvents: 0, lagSeconds: 0 }, { name: 'obligations' }],
    });

    clock.set('2024-02-01T00:00:00.000Z');
    const position = await appendAll(store, [
      {
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId: 'p24-t01', targetId: 'p24-t01-g1', unit: '区科委', reason: '补充' },
      },
    ]);
    expect(await runner.waitForPosition(position, 10_000)).toBe(true);
    expect(unitObligations(db, '区科委', { asOf: clock.now() }).map((o) => o.targetId)).toEqual([
      'p24-t01-g1',
    ]);
  });

  it('gives I/O a turn between the batches of a backlog, so the API can answer while it catches up', async () => {
    await appendAll(store, tasks(40)); // 121 events: several batches of at most 20
    const appliedWhenIoRan: bigint[] = [];
    let applied = 0n;
    const runner = newRunner([ledgerProjection({ onApply: (position) => (applied = position) })], {
      catchUpBatchSize: 20,
    });
    // An I/O callback (a request arriving) stands in the check phase; it must not wait for the end.
    const ioTurns = setInterval(() => appliedWhenIoRan.push(applied), 0);
    runner.start();
    await runner.whenCaughtUp();
    clearInterval(ioTurns);

    expect(appliedWhenIoRan.some((position) => position > 0n && position < 121n)).toBe(true);
  });

  it('after a crash mid-batch neither applies an event twice nor skips one', async () => {
    // Built once; the crash comes in a later catch-up (a build from the start starts over, below).
    await appendAll(store, tasks(1));
    const built = newRunner([ledgerProjection(), obligationsProjection]);
    built.start();
    await built.whenCaughtUp();
    await built.stop();
    await appendAll(store, tasks(8).slice(4));
    let crashed!: () => void;
    const crash = new Promise<void>((resolve) => (crashed = resolve));
    const first = newRunner([
      ledgerProjection({ failAt: 15, onFail: () => crashed() }),
      obligationsProjection,
    ]);
    first.start();
    await crash;
    await first.stop();

    // The failing batch (events 15–25) was rolled back with both checkpoints: the one before stands.
    expect(ledgerRows(db).map((r) => r.position)).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    expect(first.checkpoint('ledger')?.position?.commit).toBe(14n);
    expect(first.checkpoint('obligations')?.position?.commit).toBe(14n);
    const status = await first.status();
    expect(status).toMatchObject({
      running: false,
      caughtUp: false,
      error: 'simulated crash at 15',
      projections: [{ lagEvents: 11, lagExact: true }, {}],
    });

    // A restarted process continues from the stored checkpoints.
    const second = newRunner([ledgerProjection(), obligationsProjection]);
    second.start();
    await second.whenCaughtUp();
    expect(ledgerRows(db).map((r) => r.position)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    expect(unitObligations(db, '区数据局', { asOf: clock.now() })).toHaveLength(8);
  });

  it('builds a read model over when its build from the start did not finish', async () => {
    await appendAll(store, tasks(30)); // 91 events: batches of 10, 20, 40 …
    let stopped: Promise<void> | undefined;
    const first = newRunner([
      ledgerProjection({
        onApply: (position) => void (position === 12n && (stopped = first.stop())),
      }),
    ]);
    first.start();
    while (!stopped) await new Promise((resolve) => setTimeout(resolve, 5));
    await stopped;
    // Committed batches are marked unfinished: what a build needs to resume is not stored.
    const stored = () =>
      db.prepare('SELECT version, events_applied AS applied FROM projection_checkpoints').get();
    expect(stored()).toEqual({ version: 0, applied: 30 });

    const logged: string[] = [];
    const second = newRunner([ledgerProjection()], {
      logger: { error: (m: string) => logged.push(m), log: (m: string) => logged.push(m) },
    });
    second.start();
    await second.whenCaughtUp();
    expect(ledgerRows(db).map((r) => r.position)).toEqual(
      Array.from({ length: 91 }, (_, i) => String(i + 1)),
    );
    expect(stored()).toEqual({ version: 1, applied: 91 });
    expect(logged).toEqual([
      "Rebuilding read model 'ledger': its build from the start was interrupted",
    ]);
  });

  it('retries after a failure in the same process and resumes where the last commit left off', async () => {
    await appendAll(store, tasks(8));
    const ledger = ledgerProjection({ failAt: 15 });
    const runner = newRunner([ledger], { retryDelayMs: 1 });
    runner.start();
    await runner.whenCaughtUp();
    expect(ledger.failures).toBe(1);
    expect(ledgerRows(db).map((r) => r.position)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    expect((await runner.status()).error).toBeUndefined();
  });

  it('rebuilds a read model from the start when its version changes', async () => {
    await appendAll(store, tasks(3));
    const v1 = newRunner([ledgerProjection({ version: 1 }), obligationsProjection]);
    v1.start();
    await v1.whenCaughtUp();
    await v1.stop();
    const obligationsCheckpoint = v1.checkpoint('obligations');

    const v2 = newRunner([ledgerProjection({ version: 2 }), obligationsProjection]);
    v2.start();
    await v2.whenCaughtUp();
    const rows = ledgerRows(db);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.version === 2)).toBe(true);
    expect(v2.checkpoint('ledger')).toMatchObject({ version: 2, eventsApplied: 10 });
    // The other read model was left as it was.
    expect(v2.checkpoint('obligations')).toEqual(obligationsCheckpoint);
  });

  it('rebuilds on request, one read model or all, and answers the same afterwards', async () => {
    await appendAll(store, tasks(3));
    const runner = newRunner([ledgerProjection(), obligationsProjection]);
    runner.start();
    await runner.whenCaughtUp();
    const before = unitObligations(db, '区数据局', { asOf: clock.now() });

    await runner.rebuild('obligations');
    expect(runner.isRunning).toBe(true);
    expect(unitObligations(db, '区数据局', { asOf: clock.now() })).toEqual(before);
    expect(runner.checkpoint('obligations')?.eventsApplied).toBe(10);
    expect(runner.checkpoint('ledger')?.eventsApplied).toBe(10);

    await runner.stop();
    await runner.rebuild();
    expect(runner.isRunning).toBe(false);
    expect(ledgerRows(db)).toHaveLength(10);
    await expect(runner.rebuild('nope')).rejects.toThrow(/Unknown projection 'nope'/);
  });

  it('keeps its time axis monotonic when the recording clock steps back', async () => {
    clock.set('2024-03-01T00:00:00.000Z');
    await appendAll(store, tasks(1).slice(0, 2));
    clock.set('2024-02-01T00:00:00.000Z');
    await appendAll(store, tasks(1).slice(2));
    const runner = newRunner([ledgerProjection()]);
    runner.start();
    await runner.whenCaughtUp();
    expect(ledgerRows(db).map((r) => r.at)).toEqual([
      '2024-03-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
    ]);
  });

  it('waits only for events the read models take: other streams do not hold a reader back', async () => {
    await appendAll(store, tasks(1));
    const runner = newRunner([ledgerProjection()]);
    runner.start();
    await runner.whenCaughtUp();
    const other = await store.append(
      'audit-chain',
      [{ type: 'ChainSealed', schemaVersion: 1, data: {} }],
      { expectedRevision: 'any' },
    );
    expect(await runner.waitForPosition(other.position, 10_000)).toBe(true);
    const status = await runner.status();
    expect(status).toMatchObject({
      caughtUp: true,
      headPosition: '5',
      projections: [{ position: '4', lagEvents: 0 }],
    });

    await runner.stop();
    clock.set('2024-01-05T03:00:00.000Z');
    const late = await appendAll(store, [
      {
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId: 'p24-t01', unit: '区科委', reason: '补充' },
      },
    ]);
    expect(await runner.waitForPosition(late, 1)).toBe(false);
    expect(await runner.status()).toMatchObject({
      caughtUp: false,
      projections: [{ lagEvents: 1, lagSeconds: 3600 }],
    });
  });

  it('announces projected changes after commit, and replays missed ones from the log', async () => {
    await appendAll(store, tasks(1));
    const runner = newRunner([ledgerProjection()]);
    const firstFour = firstValueFrom(runner.changes$.pipe(take(4), toArray()));
    runner.start();
    const announced = await firstFour;
    expect(announced.map((c) => [c.position, c.type])).toEqual([
      ['1', 'PlanRegistered'],
      ['2', 'TaskRegistered'],
      ['3', 'TargetRegistered'],
      ['4', 'LeadAssigned'],
    ]);
    expect(announced[3]).toMatchObject({
      streamId: 'task-p24-t01',
      ids: { planId: 'p24', taskId: 'p24-t01', unit: '区数据局' },
    });

    // A client that saw position 2 gets 3 and 4 from the log, then live ones.
    const resumed = firstValueFrom(
      runner.changesAfter(parsePosition('2')).pipe(take(3), toArray()),
    );
    await appendAll(store, [
      {
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId: 'p24-t01', unit: '区科委', reason: '补充' },
      },
    ]);
    expect((await resumed).map((c) => c.position)).toEqual(['3', '4', '5']);
  });
});
