import type { TaskEvent } from '../events/task-events';
import type { Decider } from '../shared/decider';
import type { TaskCommand } from './commands/task-command';
import { decideTask } from './decide-task';
import { evolveTask } from './evolve-task';
import type { RevisionPolicy } from './rules/revision-policy';
import { initialTaskState, type TaskState } from './task-state';

/** The task stream's decider: what the command handlers and the specs use. */
export const taskDecider: Decider<TaskCommand, TaskState, TaskEvent, TaskEvent[]> = {
  decide: (command, state) => decideTask(command, state),
  evolve: evolveTask,
  initialState: initialTaskState,
};

/** The task decider under a configured revision policy (the default one otherwise). */
export const taskDeciderWith = (policy: RevisionPolicy): typeof taskDecider => ({
  ...taskDecider,
  decide: (command, state) => decideTask(command, state, policy),
});
