import { RuleViolationError } from '../../errors';
import type { ItemRef } from '../commands/item-ref';
import type { ItemLifecycle, RegisteredTask } from '../task-state';
import { requireTarget } from './lookup';

/** A target, or a task without targets, as the extension and completion rules see it. */
export interface WorkItem extends ItemLifecycle {
  /** The target's id, or the task's for a task-level item. */
  readonly id: string;
  /** Absent for a task-level item. */
  readonly targetId?: string;
  readonly dueDate: string;
}

/**
 * The item a lifecycle command is addressed to. A task that has targets is extended and closed
 * target by target: acting on the task as a whole would leave its targets' states saying otherwise.
 */
export function requireItem(task: RegisteredTask, ref: ItemRef): WorkItem {
  if (ref.targetId !== undefined) {
    const target = requireTarget(task, ref.targetId);
    return {
      id: target.targetId,
      targetId: target.targetId,
      dueDate: target.current.dueDate,
      completion: target.completion,
      extensions: target.extensions,
    };
  }
  requireTaskWithoutTargets(task);
  return {
    id: task.taskId,
    dueDate: task.dueDate,
    completion: task.completion,
    extensions: task.extensions,
  };
}

export function requireTaskWithoutTargets(task: RegisteredTask): void {
  if (task.targets.length > 0) {
    throw new RuleViolationError(
      `task ${task.taskId} has quantified targets; report on, extend and close those`,
      { taskId: task.taskId, targets: task.targets.map((t) => t.targetId) },
      'task-has-targets',
    );
  }
}

/** The scope fields an event about `item` carries. */
export const itemScope = (task: RegisteredTask, item: WorkItem) => ({
  taskId: task.taskId,
  ...(item.targetId !== undefined ? { targetId: item.targetId } : {}),
});

/** How messages name an item: "target <id>" or "task <id>". */
export const itemName = (item: WorkItem): string =>
  `${item.targetId !== undefined ? 'target' : 'task'} ${item.id}`;
