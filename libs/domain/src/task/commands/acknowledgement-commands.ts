import type { AssignmentScope } from '../../events/task-events';
import type { Command } from '../../shared/command';

/** The assigned unit (签收): accepts the current terms of its assignment at that scope. */
export type AcknowledgeAssignment = Command<
  'AcknowledgeAssignment',
  AssignmentScope & { readonly unit: string }
>;

/** The assigned unit (退回): returns the assignment with a reason. */
export type DeclineAssignment = Command<
  'DeclineAssignment',
  AssignmentScope & { readonly unit: string; readonly reason: string }
>;
