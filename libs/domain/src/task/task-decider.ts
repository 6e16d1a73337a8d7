import { decideTask } from './decide-task';
import { evolveTask } from './evolve-task';
import type { TaskCommand } from './commands/task-command';
import type { RevisionPolicy } from './rules/revision-policy';
import { initialTaskState, type TaskState } from './task-state';

/** The task decider as one value, for handlers and the given/when/then helper. */
export const taskDecider = {
  decide: (command: TaskCommand, state: TaskState) => decideTask(command, state),
  evolve: evolveTask,
  initialState: initialTaskState,
};

/** The task decider under a configured revision policy (the default one otherwise). */
export const taskDeciderWith = (policy: RevisionPolicy): typeof taskDecider => ({
  ...taskDecider,
  decide: (command, state) => decideTask(command, state, policy),
});
