import type { TaskEvent } from '../events/task-events';
import {
  command,
  imported,
  supervisor,
  TARGET_1,
  TARGET_2,
  TASK_ID,
  区城运中心,
  区委网信办,
  区数据局,
} from '../testing/task-fixtures';
import type { TaskCommand } from './commands/task-command';
import { taskDecider } from './task-decider';
import { initialTaskState, type TaskState } from './task-state';

/**
 * libs/commands caches folded task states between commands and hands the same state objects to
 * decide and evolve again and again (StreamStateCache). That is only sound while neither ever
 * mutates a state or an event it is given. Here every state and event is deep-frozen before the
 * domain sees it: in strict mode a write to a frozen object throws, so a mutating evolve or decide
 * fails this test.
 */

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const task = { taskId: TASK_ID };
const target1 = { targetId: TARGET_1 };

/** A task's year in commands, reaching every event type (checked below). */
const lifecycle: TaskCommand[] = [
  command('AcknowledgeAssignment', { ...task, unit: '区数据局' }, 区数据局),
  command('DeclineAssignment', { ...task, unit: '区委网信办', reason: '职责不符' }, 区委网信办),
  command('AssignSupportingUnit', { ...task, unit: '区城运中心', reason: '补充配合' }, supervisor),
  command(
    'AssignLead',
    { ...task, targetId: TARGET_2, unit: '华阳路街道', reason: '属地牵头' },
    supervisor,
  ),
  command('AcknowledgeAssignment', { ...task, unit: '区城运中心' }, 区城运中心),
  command(
    'ReportMilestone',
    {
      ...target1,
      milestoneId: 'm-1',
      value: 40,
      asOf: '2024-06-01',
      note: '完成40个',
      evidence: ['https://oa.example.gov.cn/files/1'],
    },
    区数据局,
  ),
  command(
    'CorrectReport',
    { ...target1, reportId: 'm-1', value: 42, reason: '统计口径错误' },
    区数据局,
  ),
  command(
    'ProposeTargetRevision',
    { ...target1, revisionId: 'rev-1', changes: { value: 80 }, reason: '改造计划推迟' },
    区数据局,
  ),
  command(
    'RejectTargetRevision',
    { ...target1, revisionId: 'rev-1', reason: '理由不充分' },
    supervisor,
  ),
  command(
    'ProposeTargetRevision',
    { ...target1, revisionId: 'rev-2', changes: { value: 90 }, reason: '改造计划推迟' },
    区数据局,
  ),
  command(
    'ApproveTargetRevision',
    { ...target1, revisionId: 'rev-2', reference: '长府办〔2024〕12号' },
    supervisor,
  ),
  command(
    'ReviseTarget',
    {
      targetId: TARGET_2,
      revisionId: 'rev-3',
      changes: { dueDate: '2024-11-30' },
      reason: '区政府常务会议调整',
    },
    supervisor,
  ),
  command('AcknowledgeAssignment', { ...task, unit: '区数据局' }, 区数据局),
  command(
    'RequestDeadlineExtension',
    { ...target1, extensionId: 'ext-1', requestedDueDate: '2025-03-31', reason: '设备采购延迟' },
    区数据局,
  ),
  command(
    'RejectDeadlineExtension',
    { ...target1, extensionId: 'ext-1', reason: '不予延期' },
    supervisor,
  ),
  command(
    'RequestDeadlineExtension',
    { ...target1, extensionId: 'ext-2', requestedDueDate: '2025-03-31', reason: '设备采购延迟' },
    区数据局,
  ),
  command(
    'ApproveDeadlineExtension',
    { ...target1, extensionId: 'ext-2', newDueDate: '2025-02-28' },
    supervisor,
  ),
  command(
    'ClaimCompletion',
    { ...target1, evidence: ['https://oa.example.gov.cn/files/2'] },
    区数据局,
  ),
  command('SendBackCompletion', { ...target1, reason: '佐证不足' }, supervisor),
  command(
    'ClaimCompletion',
    { ...target1, evidence: ['https://oa.example.gov.cn/files/3'] },
    区数据局,
  ),
  command('VerifyCompletion', { ...target1, note: '同意销号' }, supervisor),
  command('ReopenTarget', { ...target1, reason: '复核未达标' }, supervisor),
  command(
    'RemoveAssignment',
    { ...task, unit: '区城运中心', role: 'supporting', reason: '调整分工' },
    supervisor,
  ),
];

/** A task without targets: a progress note, then closed at task level. */
const importedWithoutTargets = imported.filter((e) => e.type !== 'TargetRegistered');
const taskLevelLifecycle: TaskCommand[] = [
  command(
    'ReportTaskProgress',
    { ...task, reportId: 'p-1', asOf: '2024-06-01', note: '已召开专题会', evidence: [] },
    区数据局,
  ),
  command(
    'ClaimCompletion',
    { ...task, evidence: ['https://oa.example.gov.cn/files/9'] },
    区数据局,
  ),
  command('VerifyCompletion', { ...task }, supervisor),
];

/** Every event type; a new one must be added here, and then to the lifecycle above. */
const EVERY_EVENT_TYPE: Record<TaskEvent['type'], true> = {
  TaskRegistered: true,
  TargetRegistered: true,
  LeadAssigned: true,
  SupportingUnitAssigned: true,
  AssignmentRemoved: true,
  AssignmentAcknowledged: true,
  AssignmentDeclined: true,
  MilestoneReported: true,
  ReportCorrected: true,
  TaskProgressReported: true,
  TargetRevisionProposed: true,
  TargetRevisionRejected: true,
  TargetRevised: true,
  DeadlineExtensionRequested: true,
  DeadlineExtensionApproved: true,
  DeadlineExtensionRejected: true,
  CompletionClaimed: true,
  CompletionVerified: true,
  CompletionSentBack: true,
  TargetReopened: true,
  TaskWithdrawn: true,
};

/** Decides each command on the state so far and folds its events, freezing whatever is handed on. */
function run(freeze: boolean): { history: TaskEvent[]; states: TaskState[] } {
  const guard = <T>(value: T): T => (freeze ? deepFreeze(value) : value);
  const history: TaskEvent[] = [];
  const states: TaskState[] = [];
  let state = guard(initialTaskState());
  const fold = (events: readonly TaskEvent[]) => {
    for (const event of events) {
      state = guard(taskDecider.evolve(state, guard(event)));
      history.push(event);
      states.push(state);
    }
  };
  fold(structuredClone(imported));
  for (const cmd of lifecycle) fold(taskDecider.decide(guard(structuredClone(cmd)), state));
  state = guard(initialTaskState());
  fold(structuredClone(importedWithoutTargets));
  for (const cmd of taskLevelLifecycle)
    fold(taskDecider.decide(guard(structuredClone(cmd)), state));
  // Decided on the plan's stream (WithdrawPlan), folded on the task's.
  const { planId, taskId } = state as { planId: string; taskId: string };
  fold([{ type: 'TaskWithdrawn', schemaVersion: 1, data: { planId, taskId, reason: '计划撤销' } }]);
  return { history, states };
}

describe('the task decider never mutates what it is given', () => {
  it('the lifecycle reaches every event type', () => {
    const types = new Set(run(false).history.map((event) => event.type));
    expect([...types].sort()).toEqual(Object.keys(EVERY_EVENT_TYPE).sort());
  });

  it('deciding and folding the lifecycle on deep-frozen states and events throws nothing', () => {
    expect(() => run(true)).not.toThrow();
  });

  it('gives the same decisions and states with frozen inputs as without', () => {
    const frozen = run(true);
    const plain = run(false);
    expect(frozen.history).toEqual(plain.history);
    expect(frozen.states).toEqual(plain.states);
  });

  it('leaves a state it folded an event into as it was (a cached state stays valid)', () => {
    const { history } = run(false);
    let state = initialTaskState();
    for (const event of history) {
      const before = structuredClone(state);
      taskDecider.evolve(state, event);
      expect(state).toEqual(before);
      state = taskDecider.evolve(state, event);
    }
  });
});
