import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { FixedClock } from '@duty-ledger/clock';
import { SqliteEventStore } from '@duty-ledger/event-store';
// The bench's SYNTHETIC workload: plans and a year of activity decided by the real domain.
import { generateActivity } from '../../../../bench/workload/synthetic-activity';
import { readSeedShape } from '../../../../bench/workload/synthetic-plans';
import { obligationsProjection } from '../obligations/obligations.projection';
import { targetsProjection } from '../targets/targets.projection';
import { targetChangesProjection } from '../target-changes/target-changes.projection';
import { dumpReadModels, type ReadModelDump } from '../testing/read-model-dump';
import { dropTables, type Projection, type ProjectionEvent } from './projection';
import { openReadModelDb } from './read-model-db';
import { ProjectionRunner } from './projection-runner';

const READ_MODELS: readonly Projection[] = [
  obligationsProjection,
  targetsProjection,
  targetChangesProjection,
];
const EVENTS = 4_000;

/** A read model of nothing that fails once, at one position, to make its whole batch roll back. */
function failingOnce(position: bigint): Projection {
  let failed = false;
  return {
    name: 'fails-once',
    version: 1,
    setUp: (db) => db.exec('CREATE TABLE IF NOT EXISTS fails_once (n INTEGER)'),
    tearDown: (db) => dropTables(db, ['fails_once']),
    open: () => ({
      apply({ event }: ProjectionEvent) {
        if (event.position.commit === position && !failed) {
          failed = true;
          throw new Error(`fails once at ${position}`);
        }
      },
    }),
  };
}

/** A dump without one read model's table, checkpoint and stream instants. */
function without(dump: ReadModelDump, projection: string, table: string): ReadModelDump {
  const ours = (row: Record<string, unknown>) =>
    row.name !== projection && row.projection !== projection;
  return {
    ...dump,
    tables: Object.fromEntries(
      Object.entries(dump.tables)
        .filter(([name]) => name !== table)
        .map(([name, rows]) => [name, rows.filter(ours)]),
    ),
  };
}

/**
 * Owners changed after the import (the workload has none): twice per scope, so that the audit
 * feed's "original owners" come from the first change.
 */
async function changeOwners(store: SqliteEventStore): Promise<void> {
  const targets = new Map<string, string>();
  for await (const event of store.readAll()) {
    const data = event.data as { taskId?: string; targetId?: string };
    if (event.type === 'TargetRegistered' && data.taskId && data.targetId)
      targets.set(data.taskId, data.targetId);
    if (targets.size === 3) break;
  }
  let n = 0;
  const append = async (taskId: string, type: string, data: Record<string, string>) => {
    n += 1;
    const commandId = `owner-change-${n}`;
    const recordedAt = new Date(Date.parse('2024-12-31T09:00:00.000Z') + n * 1000).toISOString();
    await store.append(
      `task-${taskId}`,
      [
        {
          type,
          schemaVersion: 1,
          data: { taskId, ...data },
          metadata: {
            actor: { id: 'u-sup', role: 'supervisor' },
            commandId,
            correlationId: commandId,
            causationId: commandId,
            occurredAt: recordedAt,
            recordedAt,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  };
  for (const [taskId, targetId] of targets) {
    await append(taskId, 'LeadAssigned', { unit: '区科委', reason: '补充' });
    await append(taskId, 'SupportingUnitAssigned', { targetId, unit: '区财政局', reason: '补充' });
    await append(taskId, 'AssignmentRemoved', { unit: '区科委', role: 'lead', reason: '调整' });
    await append(taskId, 'AssignmentRemoved', {
      targetId,
      unit: '区财政局',
      role: 'supporting',
      reason: '调整',
    });
  }
}

describe('read models rebuilt in catch-up batches equal those fed one event at a time', () => {
  const clock = new FixedClock('2025-01-01T00:00:00.000Z');
  let log: SqliteEventStore;
  const open: { close(): unknown }[] = [];
  const runners: ProjectionRunner[] = [];

  const runner = (store: SqliteEventStore, db: Database.Database, options = {}) => {
    const made = new ProjectionRunner({
      store,
      db,
      projections: READ_MODELS,
      clock,
      batchSize: 50,
      retryDelayMs: 1,
      ...options,
    });
    runners.push(made);
    return made;
  };
  const database = () => {
    const db = openReadModelDb(':memory:');
    open.push(db);
    return db;
  };

  /** The log fed through the live path: each event appended, then projected, before the next. */
  async function oneAtATime(): Promise<ReadModelDump> {
    let now = new Date(0);
    const store = SqliteEventStore.open({ path: ':memory:', fsync: false, clock: () => now });
    open.push(store);
    const db = database();
    // Caches far smaller than the log: views are read back from their tables all the time.
    const live = runner(store, db, { liveCacheSize: 8 });
    live.start();
    await live.whenCaughtUp();
    for await (const event of log.readAll()) {
      now = event.recordedAt;
      const { position } = await store.append(
        event.streamId,
        [
          {
            id: event.id,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.data,
            metadata: event.metadata,
          },
        ],
        { expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1 },
      );
      if (!(await live.waitForPosition(position, 10_000))) throw new Error('not projected');
    }
    await live.stop();
    return dumpReadModels(db);
  }

  let live: ReadModelDump;

  beforeAll(async () => {
    let now = new Date(0);
    log = SqliteEventStore.open({ path: ':memory:', fsync: false, clock: () => now });
    open.push(log);
    await generateActivity(log, (date) => (now = date), {
      events: EVENTS,
      seed: 7,
      seedShape: readSeedShape(join(resolve(__dirname, '../../../..'), 'seeds')),
    });
    now = new Date('2024-12-31T09:00:00.000Z');
    await changeOwners(log);
    live = await oneAtATime();
  }, 120_000);

  afterAll(async () => {
    for (const made of runners) await made.stop();
    for (const closable of open.reverse()) await closable.close();
  });

  it('the log exercises every kind of event the read models fold', async () => {
    const types = new Set<string>();
    for await (const event of log.readAll()) types.add(event.type);
    expect([...types].sort()).toEqual(
      expect.arrayContaining([
        'AssignmentAcknowledged',
        'AssignmentDeclined',
        'CompletionClaimed',
        'CompletionVerified',
        'DeadlineExtensionApproved',
        'DeadlineExtensionRequested',
        'LeadAssigned',
        'MilestoneReported',
        'PlanRegistered',
        'SupportingUnitAssigned',
        'TargetRegistered',
        'TargetRevised',
        'TargetRevisionProposed',
        'TaskRegistered',
      ]),
    );
    const kinds = new Set(live.tables.tc_changes.map((row) => row.kind));
    expect([...kinds].sort()).toEqual(['deadline-moved', 'lowered', 'owner-changed', 'raised']);
    expect(live.tables.ob_items.length).toBeGreaterThan(EVENTS / 10);
  });

  it('a rebuild from the start (indexes put off, growing batches) writes the same rows and indexes', async () => {
    const db = database();
    await runner(log, db).rebuild();
    const rebuilt = dumpReadModels(db);
    expect(rebuilt.indexes).toEqual(live.indexes);
    for (const table of Object.keys(live.tables))
      expect({ table, rows: rebuilt.tables[table] }).toEqual({ table, rows: live.tables[table] });
    expect(Object.keys(rebuilt.tables)).toEqual(Object.keys(live.tables));
  });

  it('one read model rebuilt while the others stay current ends the same', async () => {
    const db = database();
    const running = runner(log, db);
    await running.rebuild();
    await running.rebuild('targets');
    await running.rebuild('obligations');
    expect(dumpReadModels(db)).toEqual(live);
  });

  it('a batch that rolls back midway leaves no trace of the caches that ran ahead of it', async () => {
    const db = database();
    const failing = runner(log, db, { projections: [...READ_MODELS, failingOnce(1_234n)] });
    await failing.rebuild();
    expect((await failing.status()).projections.map((p) => p.eventsApplied)).toEqual(
      Array(4).fill(EVENTS + 12),
    );
    expect(without(dumpReadModels(db), 'fails-once', 'fails_once')).toEqual(live);
  });
});
