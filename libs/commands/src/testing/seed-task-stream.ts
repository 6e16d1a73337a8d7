// Test-only module: a real task stream (seed task 2) in a real SqliteEventStore, for the executor tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decideImportPlan,
  type Actor,
  type PlanDraft,
  type TaskCommand,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { SqliteEventStore, type SqliteEventStoreOptions } from '@duty-ledger/event-store';
import { toNewEvents, type ExecutionOptions } from '../shared/execute-batch';

const seeds = join(__dirname, '..', '..', '..', '..', 'seeds');
export const NOW = '2024-06-15T02:00:00.000Z';
const PLAN = 'p';
export const TASK = 'p-t02';
export const STREAM = `task-${TASK}`;
export const TARGET = `${TASK}-g1`;
export const supervisor: Actor = { id: 'u-sup', role: 'supervisor', name: '王督查' };
export const leadOf = (unit: string): Actor => ({ id: `u-${unit}`, role: 'lead', unit });

let commandNo = 0;

/** Execution options of a new command (its own command id, hence its own event ids). */
export function options(extra: Partial<ExecutionOptions> = {}): ExecutionOptions {
  commandNo += 1;
  const commandId = `cmd-${commandNo}`;
  return { commandId, metadata: { commandId }, recordedAt: () => NOW, ...extra };
}

export function cmd<T extends TaskCommand['type']>(
  type: T,
  data: Extract<TaskCommand, { type: T }>['data'],
  actor: Actor,
): TaskCommand {
  return { type, data, metadata: { actor, now: NOW, commandId: `cmd-${type}` } } as never;
}

export const report = (milestoneId: string, value: number, note?: string): TaskCommand =>
  cmd(
    'ReportMilestone',
    {
      targetId: TARGET,
      milestoneId,
      value,
      asOf: '2024-06-14',
      ...(note ? { note } : {}),
      evidence: [],
    },
    leadOf('区数据局'),
  );

/** Commands that change acknowledgements, terms versions, revisions, extensions and reports. */
export const lifecycle = (): TaskCommand[] => [
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

/** A store in a fresh temporary directory holding seed task 2 (three lead units, two targets). */
export class SeedTaskStore {
  readonly dir = mkdtempSync(join(tmpdir(), 'duty-ledger-executor-'));
  readonly path = join(this.dir, 'events.sqlite');
  private readonly opened: SqliteEventStore[] = [];

  /** Opens a store on the file; each call is another instance, as another process would hold. */
  open(extra: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore {
    const store = SqliteEventStore.open({ path: this.path, fsync: false, ...extra });
    this.opened.push(store);
    return store;
  }

  async importSeedTask(store: SqliteEventStore): Promise<void> {
    const draft = JSON.parse(
      readFileSync(join(seeds, 'changning-2024.plan.json'), 'utf8'),
    ) as PlanDraft;
    const registry = JSON.parse(readFileSync(join(seeds, 'units.json'), 'utf8')) as UnitRegistry;
    const streams = decideImportPlan(
      {
        type: 'ImportPlan',
        data: { planId: PLAN, draft: { ...draft, planId: PLAN }, registry },
        metadata: { actor: { id: 'u-admin', role: 'admin' }, now: NOW, commandId: 'import' },
      },
      { status: 'none' },
    );
    const task = streams.find((s) => s.streamId === STREAM)!;
    const importing = { commandId: 'import', metadata: {}, recordedAt: () => NOW };
    await store.append(STREAM, toNewEvents(task.events, importing), {
      expectedRevision: 'no_stream',
    });
  }

  async typesIn(store: SqliteEventStore): Promise<string[]> {
    const types: string[] = [];
    for await (const event of store.readStream(STREAM)) types.push(event.type);
    return types;
  }

  async remove(): Promise<void> {
    for (const store of this.opened.splice(0)) await store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
