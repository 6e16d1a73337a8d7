import type { Actor } from '../events/event-metadata';
import type {
  AssignmentRole,
  AssignmentScope,
  TargetRegistered,
  TaskEvent,
  TaskRegistered,
} from '../events/task-events';
import { targetIdOf, taskIdOf } from '../ids';
import type { PlanCommand } from '../plan/commands/import-plan';
import type { AddUnit } from '../units/unit-registry';
import type { ConfigureStatusRules } from '../status-rules/status-rules';
import type { TaskCommand } from '../task/commands/task-command';
import { evolveTask } from '../task/evolve-task';
import { currentTerms, termsVersionOf } from '../task/task-queries';
import { initialTaskState, type RegisteredTask } from '../task/task-state';

/** Shared test data: one task of the 长宁区 2024 plan with two targets. */

export const PLAN_ID = 'cn-2024';
export const TASK_ID = taskIdOf(PLAN_ID, 1);
export const TARGET_1 = targetIdOf(TASK_ID, 1);
export const TARGET_2 = targetIdOf(TASK_ID, 2);
/** 2024-06-15, 10:00 in Shanghai. */
export const NOW = '2024-06-15T02:00:00.000Z';

export const supervisor: Actor = { id: 'u-wang', role: 'supervisor', name: '王督查' };
export const otherSupervisor: Actor = { id: 'u-li', role: 'supervisor', name: '李督查' };
export const admin: Actor = { id: 'u-admin', role: 'admin' };
export const viewer: Actor = { id: 'u-viewer', role: 'viewer' };
export const leadOf = (unit: string, id = `u-${unit}`): Actor => ({ id, role: 'lead', unit });
export const 区数据局 = leadOf('区数据局');
export const 区委网信办 = leadOf('区委网信办');
export const 区城运中心 = leadOf('区城运中心');
export const 华阳路街道 = leadOf('华阳路街道');

type AnyCommand = TaskCommand | PlanCommand | AddUnit | ConfigureStatusRules;
type CommandOf<T extends AnyCommand['type']> = Extract<AnyCommand, { type: T }>;

export function command<T extends AnyCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  actor: Actor,
  now: string = NOW,
): CommandOf<T> {
  return { type, data, metadata: { actor, now, commandId: `cmd-${type}` } } as CommandOf<T>;
}

export const taskRegistered: TaskRegistered = {
  type: 'TaskRegistered',
  schemaVersion: 1,
  data: {
    planId: PLAN_ID,
    taskId: TASK_ID,
    no: 1,
    sectionNo: '二',
    sectionTitle: '夯实数字底座',
    title: '推进新型信息基础设施建设',
    body: '完成100个住宅小区地下车库移动通信网络覆盖,智慧道路覆盖率达到80%。',
    dueDate: '2024-12-31',
  },
};

export const target1Registered: TargetRegistered = {
  type: 'TargetRegistered',
  schemaVersion: 1,
  data: {
    planId: PLAN_ID,
    taskId: TASK_ID,
    targetId: TARGET_1,
    metric: '住宅小区地下车库移动通信网络覆盖',
    value: 100,
    unit: '个',
    comparator: 'gte',
    kind: 'in-period',
    measure: 'count',
    dueDate: '2024-12-31',
    sourceText: '完成100个住宅小区地下车库移动通信网络覆盖',
  },
};

export const target2Registered: TargetRegistered = {
  type: 'TargetRegistered',
  schemaVersion: 1,
  data: {
    planId: PLAN_ID,
    taskId: TASK_ID,
    targetId: TARGET_2,
    metric: '智慧道路覆盖率',
    value: 80,
    unit: '%',
    comparator: 'gte',
    kind: 'level',
    measure: 'ratio',
    dueDate: '2024-12-31',
    sourceText: '智慧道路覆盖率达到80%',
  },
};

export const assigned = (
  role: AssignmentRole,
  unit: string,
  targetId?: string,
  reason = '计划文本指定',
): TaskEvent => {
  const data = { taskId: TASK_ID, ...(targetId ? { targetId } : {}), unit, reason };
  return role === 'lead'
    ? { type: 'LeadAssigned', schemaVersion: 1, data }
    : { type: 'SupportingUnitAssigned', schemaVersion: 1, data };
};

/** A task as imported: two targets, 区数据局 leads, 区委网信办 supports. */
export const imported: TaskEvent[] = [
  taskRegistered,
  target1Registered,
  target2Registered,
  assigned('lead', '区数据局'),
  assigned('supporting', '区委网信办'),
];

export const fold = (...events: TaskEvent[]): RegisteredTask =>
  events.reduce(evolveTask, initialTaskState()) as RegisteredTask;

/** The acknowledgement `unit` would record after `history`: the exact terms then in force. */
export function acknowledgedAfter(
  history: TaskEvent[],
  unit: string,
  targetId?: string,
): TaskEvent {
  const state = fold(...history);
  const scope: AssignmentScope = targetId ? { taskId: TASK_ID, targetId } : { taskId: TASK_ID };
  const role =
    state.assignments.find((a) => a.unit === unit && a.targetId === targetId)?.role ?? 'lead';
  return {
    type: 'AssignmentAcknowledged',
    schemaVersion: 1,
    data: { ...scope, unit, role, terms: currentTerms(state, scope) },
  };
}

export function declinedAfter(history: TaskEvent[], unit: string, reason = '职责不符'): TaskEvent {
  const state = fold(...history);
  const role =
    state.assignments.find((a) => a.unit === unit && a.targetId === undefined)?.role ?? 'lead';
  return {
    type: 'AssignmentDeclined',
    schemaVersion: 1,
    data: {
      taskId: TASK_ID,
      unit,
      role,
      reason,
      termsVersion: termsVersionOf(state, { taskId: TASK_ID }),
    },
  };
}

export const revised = (
  targetId: string,
  revisionId: string,
  before: object,
  after: object,
): TaskEvent => ({
  type: 'TargetRevised',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId,
    revisionId,
    before,
    after,
    reason: '区政府常务会议调整',
    proposedBy: supervisor.id,
    approvedBy: supervisor.id,
  },
});

export const proposed = (
  revisionId: string,
  by: Actor,
  changes: object,
  reference?: string,
): TaskEvent => ({
  type: 'TargetRevisionProposed',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId: TARGET_1,
    revisionId,
    proposedBy: by.id,
    ...(by.unit ? { proposedByUnit: by.unit } : {}),
    changes,
    reason: '部分小区改造计划推迟',
    ...(reference ? { reference } : {}),
  },
});

export const extensionRequested = (
  extensionId: string,
  requestedDueDate = '2025-03-31',
  targetId = TARGET_1,
): TaskEvent => ({
  type: 'DeadlineExtensionRequested',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId,
    extensionId,
    unit: '区数据局',
    requestedBy: 区数据局.id,
    currentDueDate: '2024-12-31',
    requestedDueDate,
    reason: '设备采购延迟',
  },
});

export const claimed = (targetId = TARGET_1): TaskEvent => ({
  type: 'CompletionClaimed',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId,
    unit: '区数据局',
    claimedBy: 区数据局.id,
    evidence: ['验收报告.pdf'],
  },
});

export const verified = (targetId = TARGET_1): TaskEvent => ({
  type: 'CompletionVerified',
  schemaVersion: 1,
  data: { taskId: TASK_ID, targetId, verifiedBy: supervisor.id },
});

/** The same command sent by someone else. */
export const withActor = <C extends AnyCommand>(cmd: C, actor: Actor): C => ({
  ...cmd,
  metadata: { ...cmd.metadata, actor },
});
