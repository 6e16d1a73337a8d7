import { mkdirSync } from 'node:fs';
import { taskDecider, type TaskCommand, type TaskState } from '@duty-ledger/domain';
import type { SqliteEventStore } from '@duty-ledger/event-store';
import { lifecycle, options, SeedTaskStore, STREAM } from '../testing/seed-task-stream';
import { executeCommand, toNewEvents } from './execute-batch';
import { loadState } from './load-state';
import { StreamStateCache } from './stream-state-cache';

const fresh = (store: SqliteEventStore) => loadState(store, STREAM, taskDecider);

describe('executeCommand and loadState with a stream state cache, on a real SqliteEventStore', () => {
  let seed: SeedTaskStore;
  let store: SqliteEventStore;

  beforeEach(async () => {
    seed = new SeedTaskStore();
    store = seed.open();
    await seed.importSeedTask(store);
  });

  afterEach(() => seed.remove());

  it('after every command of a lifecycle, the cached state is exactly the fresh fold of the stream', async () => {
    const cache = new StreamStateCache<TaskState>();
    for (const command of lifecycle()) {
      const result = await executeCommand(store, STREAM, taskDecider, command, options(), cache);
      expect(result.events.length).toBeGreaterThan(0);

      const cached = await loadState(store, STREAM, taskDecider, cache);
      const expected = await fresh(store);
      expect(cached).toStrictEqual(expected);
      expect(cached.revision).toBe(result.revision);
    }
  });

  it('folds in events another store instance (another process) appended since the state was cached', async () => {
    const cache = new StreamStateCache<TaskState>();
    const [first, ...rest] = lifecycle();
    await executeCommand(store, STREAM, taskDecider, first, options(), cache);
    const other = seed.open();
    for (const command of rest.slice(0, 3))
      await executeCommand(other, STREAM, taskDecider, command, options());

    const cached = await loadState(store, STREAM, taskDecider, cache);

    expect(cached).toStrictEqual(await fresh(store));
    expect(cached.state).toMatchObject({ targets: [{ reports: [{ milestoneId: 'm-1' }] }, {}] });
  });

  it('when another writer appends between load and append, the command is retried on the new state and the cache agrees with a fresh fold', async () => {
    const cache = new StreamStateCache<TaskState>();
    const [ack, otherAck, report] = lifecycle();
    await executeCommand(store, STREAM, taskDecider, ack, options(), cache);
    const other = seed.open();
    let interfered = false;
    const racing = {
      ...taskDecider,
      decide: (command: TaskCommand, state: TaskState) => {
        if (!interfered) {
          interfered = true;
          // Another writer's append, issued while this command is being decided, so it commits
          // first: this command's append then expects a revision the stream has moved past.
          const events = taskDecider.decide(otherAck, state);
          void other.append(STREAM, toNewEvents(events, options()), { expectedRevision: 'any' });
        }
        return taskDecider.decide(command, state);
      },
    };
    let retries = 0;

    const result = await executeCommand(
      store,
      STREAM,
      racing,
      report,
      options({ onRetry: () => (retries += 1) }),
      cache,
    );

    expect(retries).toBe(1);
    const expected = await fresh(store);
    expect(result.revision).toBe(expected.revision);
    expect(await loadState(store, STREAM, taskDecider, cache)).toStrictEqual(expected);
    expect((await seed.typesIn(store)).slice(-2)).toEqual([
      'AssignmentAcknowledged',
      'MilestoneReported',
    ]);
  });

  it.each([
    ['warm', () => new StreamStateCache<TaskState>()],
    ['cold (after a restart)', () => undefined],
  ])(
    'a command sent again after others landed behind it is recognised where it landed, with a %s cache: nothing is appended, the first answer comes back',
    async (_, cacheAfter) => {
      const [ack, otherAck, report] = lifecycle();
      await executeCommand(store, STREAM, taskDecider, ack, options());
      const again = options({ commandId: 'sent-twice' });
      const first = await executeCommand(store, STREAM, taskDecider, report, {
        ...again,
        metadata: { commandId: 'sent-twice' },
      });
      await executeCommand(store, STREAM, taskDecider, otherAck, options());
      const before = await seed.typesIn(store);

      const repeated = await executeCommand(
        store,
        STREAM,
        taskDecider,
        report,
        { ...again, metadata: { commandId: 'sent-twice' } },
        cacheAfter(),
      );

      expect(await seed.typesIn(store)).toEqual(before);
      expect(repeated).toMatchObject({
        revision: first.revision,
        position: first.position,
        events: [{ type: 'MilestoneReported' }],
      });
    },
  );

  it('a cached state of a stream that no longer exists (a store emptied under the process) is dropped', async () => {
    const cache = new StreamStateCache<TaskState>();
    await loadState(store, STREAM, taskDecider, cache);
    expect(cache.size).toBe(1);
    await seed.remove();
    mkdirSync(seed.dir);
    store = seed.open();

    const reloaded = await loadState(store, STREAM, taskDecider, cache);

    expect(reloaded).toEqual({ state: { status: 'none' }, revision: -1 });
    expect(cache.size).toBe(0);
  });
});
