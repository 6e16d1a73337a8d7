/**
 * Stream and id conventions. A target id extends its task id, so a command addressed to a target
 * finds its task stream without a lookup.
 */
export const planStreamId = (planId: string): string => `plan-${planId}`;
export const taskStreamId = (taskId: string): string => `task-${taskId}`;
export const taskIdOf = (planId: string, taskNo: number): string =>
  `${planId}-t${String(taskNo).padStart(2, '0')}`;
export const targetIdOf = (taskId: string, targetNo: number): string => `${taskId}-g${targetNo}`;

/** The task a target id belongs to, or undefined when the id is not a target id. */
export function taskIdOfTarget(targetId: string): string | undefined {
  const m = /^(.+-t\d{2,})-g\d+$/.exec(targetId);
  return m ? m[1] : undefined;
}

/** A user's own stream: every grant and change of that user's rights, in order. */
export const USER_STREAM_PREFIX = 'user-';
export const userStreamId = (userId: string): string => `${USER_STREAM_PREFIX}${userId}`;
