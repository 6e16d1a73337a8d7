import Database from 'better-sqlite3';
import { DomainError, taskDecider, type TaskCommand, type TaskState } from '@duty-ledger/domain';
import {
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  type SqliteEventStore,
} from '@duty-ledger/event-store';
import {
  cmd,
  leadOf,
  lifecycle,
  options,
  report,
  SeedTaskStore,
  STREAM,
  supervisor,
  TARGET,
} from '../testing/seed-task-stream';
import { executeBatch, executeCommand, toNewEvents, type StreamCommand } from './execute-batch';
import { loadState } from './load-state';
import { StreamStateCache } from './stream-state-cache';

const fresh = (store: SqliteEventStore) => loadState(store, STREAM, taskDecider);
const propose = (revisionId: string, value: number) =>
  cmd(
    'ProposeTargetRevision',
    { targetId: TARGET, revisionId, changes: { value }, reason: '扩大覆盖' },
    leadOf('区数据局'),
  );
const batchOf = (...commands: TaskCommand[]): StreamCommand<TaskCommand>[] =>
  commands.map((command) => ({ command, options: options() }));

describe('executeBatch: several commands on one stream, one append', () => {
  let seed: SeedTaskStore;
  let store: SqliteEventStore;
  let cache: StreamStateCache<TaskState>;

  beforeEach(async () => {
    seed = new SeedTaskStore();
    store = seed.open();
    await seed.importSeedTask(store);
    cache = new StreamStateCache<TaskState>();
  });

  afterEach(() => seed.remove());

  it('writes exactly what executing the commands one after another writes, each decided on the state the ones before it leave', async () => {
    const batch = batchOf(...lifecycle());
    const serial = new SeedTaskStore();
    const serialStore = serial.open();
    await serial.importSeedTask(serialStore);
    try {
      const outcomes = await executeBatch(store, STREAM, taskDecider, batch, cache);
      for (const { command, options: opts } of batch)
        await executeCommand(serialStore, STREAM, taskDecider, command, opts);

      const stored = await collect(store);
      const storedOneByOne = await collect(serialStore);
      expect(stored.map(({ id, type, data }) => ({ id, type, data }))).toEqual(
        storedOneByOne.map(({ id, type, data }) => ({ id, type, data })),
      );
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      const results = outcomes.map((outcome) => (outcome.ok ? outcome.value : undefined)!);
      const revisions = results.map((result) => result.revision);
      expect(revisions).toEqual(
        results.map(
          (_, i) => revisions[0] + sum(results.slice(1, i + 1).map((r) => r.events.length)),
        ),
      );
      expect(revisions[revisions.length - 1]).toBe(stored[stored.length - 1].revision);
      expect(new Set(results.map((result) => result.position)).size).toBe(1);
      expect(await loadState(store, STREAM, taskDecider, cache)).toStrictEqual(await fresh(store));
      expect(await fresh(store)).toStrictEqual(await fresh(serialStore));
    } finally {
      await serial.remove();
    }
  });

  it('a command the domain refuses, given the commands before it, does not stop the others', async () => {
    const outcomes = await executeBatch(
      store,
      STREAM,
      taskDecider,
      batchOf(propose('rev-1', 120), propose('rev-2', 130), report('m-1', 40)),
      cache,
    );

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    const refused = outcomes[1];
    expect(!refused.ok && refused.error).toBeInstanceOf(DomainError);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'illegal-state' });
    expect((await seed.typesIn(store)).slice(-2)).toEqual([
      'TargetRevisionProposed',
      'MilestoneReported',
    ]);
  });

  it('an If-Match naming the revision before an earlier command of the batch is a conflict, and the others are written', async () => {
    const { revision } = await fresh(store);
    const batch = [
      { command: report('m-1', 40), options: options() },
      { command: report('m-2', 50), options: options({ expectedRevision: revision }) },
      { command: report('m-3', 60), options: options() },
    ];

    const outcomes = await executeBatch(store, STREAM, taskDecider, batch, cache);

    const conflict = outcomes[1];
    expect(!conflict.ok && conflict.error).toBeInstanceOf(WrongExpectedVersionError);
    expect(!conflict.ok && conflict.error).toMatchObject({
      expected: revision,
      actual: revision + 1,
    });
    expect(outcomes[2]).toMatchObject({ ok: true, value: { revision: revision + 2 } });
    expect((await fresh(store)).revision).toBe(revision + 2);
  });

  it('when another writer appends between load and append, every command of the batch is retried on the new state', async () => {
    const [ack, otherAck] = lifecycle();
    const other = seed.open();
    let interfered = false;
    const racing = {
      ...taskDecider,
      decide: (command: TaskCommand, state: TaskState) => {
        if (!interfered) {
          interfered = true;
          // Issued while the batch is decided, so it commits before the batch's append.
          const events = taskDecider.decide(otherAck, state);
          void other.append(STREAM, toNewEvents(events, options()), { expectedRevision: 'any' });
        }
        return taskDecider.decide(command, state);
      },
    };
    let retries = 0;
    const onRetry = () => (retries += 1);
    const batch = [ack, report('m-1', 40)].map((command) => ({
      command,
      options: options({ onRetry }),
    }));

    const outcomes = await executeBatch(store, STREAM, racing, batch, cache);

    expect(retries).toBe(2);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect((await seed.typesIn(store)).slice(-3)).toEqual([
      'AssignmentAcknowledged',
      'AssignmentAcknowledged',
      'MilestoneReported',
    ]);
    expect(await loadState(store, STREAM, taskDecider, cache)).toStrictEqual(await fresh(store));
  });

  it('commands too large together for one append are written one by one', async () => {
    const note = '完成住宅小区地下车库移动通信网络覆盖'.repeat(100); // 5,400 bytes of UTF-8
    const small = seed.open({ maxAppendSize: 8000 });

    const outcomes = await executeBatch(
      small,
      STREAM,
      taskDecider,
      batchOf(report('m-1', 40, note), report('m-2', 50, note)),
      cache,
    );

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    const [first, second] = outcomes.map((outcome) => (outcome.ok ? outcome.value : undefined)!);
    expect(second.revision).toBe(first.revision + 1);
    expect(second.position).not.toBe(first.position);
    expect((await seed.typesIn(store)).slice(-2)).toEqual([
      'MilestoneReported',
      'MilestoneReported',
    ]);
  });

  it('when the store fails the append, commands decided on stored events keep their outcome and the others get the failure', async () => {
    const raw = new Database(seed.path);
    raw.exec(
      "CREATE TRIGGER refuse_proposals BEFORE INSERT ON events WHEN NEW.type = 'TargetRevisionProposed' BEGIN SELECT RAISE(ABORT, 'refused'); END;",
    );
    raw.close();
    const before = await fresh(store);
    const approveUnknown = cmd(
      'ApproveTargetRevision',
      { targetId: TARGET, revisionId: 'rev-unknown' },
      supervisor,
    );

    const outcomes = await executeBatch(
      store,
      STREAM,
      taskDecider,
      batchOf(approveUnknown, propose('rev-1', 120), report('m-1', 40)),
      cache,
    );

    const [refused, failed, withIt] = outcomes;
    expect(!refused.ok && refused.error).toBeInstanceOf(DomainError);
    expect(!failed.ok && failed.error).toBeInstanceOf(EventStoreUnavailableError);
    expect(!withIt.ok && withIt.error).toBeInstanceOf(EventStoreUnavailableError);
    expect(await fresh(store)).toStrictEqual(before);
  });
});

async function collect(store: SqliteEventStore) {
  const events = [];
  for await (const event of store.readStream(STREAM)) events.push(event);
  return events;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
