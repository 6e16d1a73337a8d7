import type { AssignmentScope } from '../../events/task-events';
import { NotFoundError } from '../../errors';
import { findTarget } from '../task-queries';
import type { RegisteredTask, TargetState, TaskState } from '../task-state';

export function requireTask(state: TaskState, taskId: string): RegisteredTask {
  if (state.status !== 'registered' || state.taskId !== taskId) {
    throw new NotFoundError(`task ${taskId} does not exist`, { taskId }, 'task-not-found');
  }
  return state;
}

export function requireTarget(task: RegisteredTask, targetId: string): TargetState {
  const target = findTarget(task, targetId);
  if (!target)
    throw new NotFoundError(
      `target ${targetId} does not exist in task ${task.taskId}`,
      { targetId },
      'target-not-found',
    );
  return target;
}

/** A scope whose target, when named, belongs to the task. */
export function requireScope(task: RegisteredTask, scope: AssignmentScope): AssignmentScope {
  if (scope.targetId === undefined) return { taskId: task.taskId };
  requireTarget(task, scope.targetId);
  return { taskId: task.taskId, targetId: scope.targetId };
}
