import { NotFoundError } from '../errors';
import { taskIdOfTarget, taskStreamId } from '../ids';
import type { TaskCommand } from './commands/task-command';

export interface TaskCommandScope {
  readonly taskId: string;
  readonly targetId?: string;
  /** The stream a handler loads, decides on and appends to. */
  readonly streamId: string;
}

/** Which task stream a command goes to: named in its data, or derived from its target id. */
export function taskCommandScope(command: TaskCommand): TaskCommandScope {
  const data: { readonly taskId?: string; readonly targetId?: string } = command.data;
  if (data.taskId !== undefined) {
    return {
      taskId: data.taskId,
      ...(data.targetId !== undefined ? { targetId: data.targetId } : {}),
      streamId: taskStreamId(data.taskId),
    };
  }
  const targetId = data.targetId ?? '';
  const taskId = taskIdOfTarget(targetId);
  if (taskId === undefined) {
    throw new NotFoundError(`target ${targetId} does not exist`, { targetId }, 'target-not-found');
  }
  return { taskId, targetId, streamId: taskStreamId(taskId) };
}
