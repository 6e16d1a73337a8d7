import type { AssignmentRole, AssignmentScope } from '../../events/task-events';
import type { Command } from '../../shared/command';

/** Supervisor: make a unit the lead (牵头) of a task or of one of its targets. */
export type AssignLead = Command<
  'AssignLead',
  AssignmentScope & { readonly unit: string; readonly reason: string }
>;

/** Supervisor: make a unit a supporting unit (配合) of a task or of one of its targets. */
export type AssignSupportingUnit = Command<
  'AssignSupportingUnit',
  AssignmentScope & { readonly unit: string; readonly reason: string }
>;

/**
 * Supervisor: take an assignment away, with a reason. Without a role it concerns the one role
 * the unit holds at that scope.
 */
export type RemoveAssignment = Command<
  'RemoveAssignment',
  AssignmentScope & {
    readonly unit: string;
    readonly role?: AssignmentRole;
    readonly reason: string;
  }
>;
