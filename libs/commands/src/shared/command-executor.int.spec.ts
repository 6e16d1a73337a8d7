import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decideImportPlan,
  taskDecider,
  type Actor,
  type PlanDraft,
  type TaskCommand,
  type TaskState,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { SqliteEventStore } from '@duty-ledger/event-store';
import { executeCommand, loadState, toNewEvents, type ExecutionOptions } from './command-executor';
import { StreamStateCache } from './stream-state-cache';

const seeds = join(__dirname, '..', '..', '..', '..', 'seeds');
const NOW = '2024-06-15T02:00:00.000Z';
const PLAN = 'p';
const TASK = 'p-t02';
const STREAM = `task-${TASK}`;
const TARGET = `${TASK}-g1`;
const supervisor: Actor = { id: 'u-sup', role: 'supervisor', name: '王督查' };
const leadOf = (unit: string): Actor => ({ id: `u-${unit}`, role: 'lead', unit });

let commandNo = 0;
function options(): ExecutionOptions {
  commandNo += 1;
  const commandId = `cmd-${commandNo}`;
  return { commandId, metadata: { commandId }, recordedAt: () => NOW };
}

function cmd<T extends TaskCommand['type']>(
  type: T,
  data: Extract<TaskCommand, { type: T }>['data'],
  actor: Actor,
): TaskCommand {
  return { type, data, metadata: { actor, now: NOW, commandId: `cmd-${commandNo + 1}` } } as never;
}

/** Seed task 2: three lead units (区数据局, 区委网信办, 区城运中心), two targets. */
async function importSeedTask(store: SqliteEventStore): Promise<void> {
  const draft = JSON.parse(
    readFileSync(join(seeds, 'changning-2024.plan.json'), 'utf8'),
  ) as PlanDraft;
  const registry = JSON.parse(readFileSync(join(seeds, 'units.json'), 'utf8')) as UnitRegistry;
  const admin: Actor = { id: 'u-admin', role: 'admin' };
  const streams = decideImportPlan(
    {
      type: 'ImportPlan',
      data: { planId: PLAN, draft: { ...draft, planId: PLAN }, registry },
      metadata: { actor: admin, now: NOW, commandId: 'import' },
    },
    { status: 'none' },
  );
  const task = streams.find((s) => s.streamId === STREAM)!;
  await store.append(STREAM, toNewEvents(task.events, options()), {
    expectedRevision: 'no_stream',
  });
}

/** Commands that change acknowledgements, terms versions, revisions, extensions and reports. */
const lifecycle = (): TaskCommand[] => [
  cmd('AcknowledgeAssignment', { taskId: TASK, unit: '区数据局' }, leadOf('区数据局')),
  cmd('AcknowledgeAssignment', { taskId: TASK, unit: '区委网信办' }, leadOf('区委网信办')),
  cmd(
    'ReportMilestone',
    { targetId: TARGET, milestoneId: 'm-1', value: 40, asOf: '2024-06-01', evidence: [] },
    leadOf('区数据局'),
  ),
  cmd(
    'ProposeTargetRevision',
    { targetId: TARGET, revisionId: 'rev-1', changes: { value: 120 }, reason: '扩大覆盖' },
    leadOf('区数据局'),
  ),
  cmd('ApproveTargetRevision', { targetId: TARGET, revisionId: 'rev-1' }, supervisor),
  cmd(
    'RequestDeadlineExtension',
    { targetId: TARGET, extensionId: 'ext-1', requestedDueDate: '2025-03-31', reason: '采购延迟' },
    leadOf('区数据局'),
  ),
  cmd(
    'ApproveDeadlineExtension',
    { targetId: TARGET, extensionId: 'ext-1', newDueDate: '2025-02-28' },
    supervisor,
  ),
  cmd(
    'ReportMilestone',
    {
      targetId: TARGET,
      milestoneId: 'm-2',
      value: 80,
      asOf: '2024-06-14',
      note: '完成80个',
      evidence: ['https://oa.example.gov.cn/files/2'],
    },
    leadOf('区城运中心'),
  ),
  cmd('AcknowledgeAssignment', { taskId: TASK, unit: '区数据局' }, leadOf('区数据局')),
];

const fresh = (store: SqliteEventStore) => loadState(store, STREAM, taskDecider);

describe('executeCommand and loadState with a stream state cache, on a real SqliteEventStore', () => {
  let dir: string;
  let store: SqliteEventStore;
  const others: SqliteEventStore[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duty-ledger-executor-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });
    await importSeedTask(store);
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function openAnother(): SqliteEventStore {
    const other = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });
    others.push(other);
    return other;
  }

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
    const other = openAnother();
    for (const command of rest.slice(0, 3))
      await executeCommand(other, STREAM, taskDecider, command, options());

    const cached = await loadState(store, STREAM, taskDecider, cache);

    expect(cached).toStrictEqual(await fresh(store));
    expect(cached.state).toMatchObject({ targets: [{ lastReport: { milestoneId: 'm-1' } }, {}] });
  });

  it('when another writer appends between load and append, the command is retried on the new state and the cache agrees with a fresh fold', async () => {
    const cache = new StreamStateCache<TaskState>();
    const [ack, , report] = lifecycle();
    await executeCommand(store, STREAM, taskDecider, ack, options(), cache);
    const other = openAnother();
    let interfered = false;
    const racing = {
      ...taskDecider,
      decide: (command: TaskCommand, state: TaskState) => {
        if (!interfered) {
          interfered = true;
          // Another writer's append, issued while this command is being decided, so it commits
          // first: this command's append then expects a revision the stream has moved past.
          const events = taskDecider.decide(lifecycle()[1], state);
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
      { ...options(), onRetry: () => (retries += 1) },
      cache,
    );

    expect(retries).toBe(1);
    const expected = await fresh(store);
    expect(result.revision).toBe(expected.revision);
    expect(await loadState(store, STREAM, taskDecider, cache)).toStrictEqual(expected);
    const types = (await collectTypes(store)).slice(-2);
    expect(types).toEqual(['AssignmentAcknowledged', 'MilestoneReported']);
  });

  it('a cached state of a stream that no longer exists (a store emptied under the process) is dropped', async () => {
    const cache = new StreamStateCache<TaskState>();
    await loadState(store, STREAM, taskDecider, cache);
    expect(cache.size).toBe(1);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });

    const reloaded = await loadState(store, STREAM, taskDecider, cache);

    expect(reloaded).toEqual({ state: { status: 'none' }, revision: -1 });
    expect(cache.size).toBe(0);
  });
});

async function collectTypes(store: SqliteEventStore): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(STREAM)) types.push(event.type);
  return types;
}
