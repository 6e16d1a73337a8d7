import type { TaskEvent } from '../events/task-events';
import type { Decider } from '../shared/decider';
import type { TaskCommand } from './commands/task-command';
import { decideTask } from './decide-task';
import { evolveTask } from './evolve-task';
import { initialTaskState, type TaskState } from './task-state';

/** The task stream's decider: what the command handlers and the specs use. */
export const taskDecider: Decider<TaskCommand, TaskState, TaskEvent, TaskEvent[]> = {
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
};
