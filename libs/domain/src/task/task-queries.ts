import type { AssignmentRole, AssignmentScope, AssignmentTerms } from '../events/task-events';
import type {
  Assignment,
  DeadlineExtension,
  ItemLifecycle,
  RegisteredTask,
  TargetRevision,
  TargetState,
} from './task-state';

/** Helpers over a registered task's state, for decide and for read models alike. */

export const findTarget = (state: RegisteredTask, targetId: string): TargetState | undefined =>
  state.targets.find((t) => t.targetId === targetId);

export const isSameScope = (a: AssignmentScope, b: AssignmentScope): boolean =>
  a.taskId === b.taskId && a.targetId === b.targetId;

/** Assignments made exactly at this scope (not inherited from the task). */
export const assignmentsAt = (
  state: RegisteredTask,
  scope: AssignmentScope,
): readonly Assignment[] => state.assignments.filter((a) => isSameScope(a, scope));

export const findAssignment = (
  state: RegisteredTask,
  scope: AssignmentScope,
  unit: string,
): Assignment | undefined => assignmentsAt(state, scope).find((a) => a.unit === unit);

/** The units that owe a target: assigned to its task or to the target itself. */
export const ownersOfTarget = (state: RegisteredTask, targetId: string): readonly Assignment[] =>
  state.assignments.filter((a) => a.targetId === undefined || a.targetId === targetId);

/** The role a unit holds for a target through any scope, if any. */
export function roleOnTarget(
  state: RegisteredTask,
  targetId: string,
  unit: string,
): AssignmentRole | undefined {
  return ownersOfTarget(state, targetId).find((a) => a.unit === unit && !a.isGroup)?.role;
}

export const termsVersionOf = (state: RegisteredTask, scope: AssignmentScope): number =>
  scope.targetId === undefined
    ? state.termsVersion
    : (findTarget(state, scope.targetId)?.termsVersion ?? 0);

/**
 * The terms an owner at `scope` is held to. Task scope: the task's due date, its task-level owners
 * and every target. Target scope: that target and everyone who owes it (task-level owners too).
 */
export function currentTerms(state: RegisteredTask, scope: AssignmentScope): AssignmentTerms {
  const target = scope.targetId === undefined ? undefined : findTarget(state, scope.targetId);
  const owners = target
    ? ownersOfTarget(state, target.targetId)
    : assignmentsAt(state, { taskId: state.taskId });
  const targets = target ? [target] : state.targets;
  return {
    version: termsVersionOf(state, scope),
    dueDate: target ? target.current.dueDate : state.dueDate,
    leads: owners.filter((a) => a.role === 'lead').map((a) => a.unit),
    supporting: owners.filter((a) => a.role === 'supporting').map((a) => a.unit),
    targets: targets.map((t) => ({ targetId: t.targetId, ...t.current })),
  };
}

export const pendingRevision = (target: TargetState): TargetRevision | undefined =>
  target.revisions.find((r) => r.status === 'pending');

export const pendingExtension = (item: ItemLifecycle): DeadlineExtension | undefined =>
  item.extensions.find((e) => e.status === 'pending');
