import { decideTask } from './decide-task';
import { evolveTask } from './evolve-task';
import { initialTaskState } from './task-state';

/** The task decider as one value, for handlers and the given/when/then helper. */
export const taskDecider = {
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
};
