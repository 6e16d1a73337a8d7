import type { Role } from '../events/event-metadata';
import type { TaskEvent } from '../events/task-events';
import { IllegalStateError } from '../errors';
import { requireRole } from '../shared/authority';
import type { TaskCommand, TaskCommandType } from './commands/task-command';
import { decideAcknowledge, decideDecline } from './decide/acknowledgements';
import { decideAssign, decideRemoveAssignment } from './decide/assignments';
import {
  decideClaimCompletion,
  decideReopenTarget,
  decideSendBackCompletion,
  decideVerifyCompletion,
} from './decide/completion';
import {
  decideApproveExtension,
  decideRejectExtension,
  decideRequestExtension,
} from './decide/extensions';
import {
  decideCorrectReport,
  decideReportMilestone,
  decideReportTaskProgress,
} from './decide/milestones';
import {
  decideApproveRevision,
  decideProposeRevision,
  decideRejectRevision,
  decideReviseTarget,
} from './decide/revisions';
import { requireTask } from './rules/lookup';
import { DEFAULT_REVISION_POLICY, type RevisionPolicy } from './rules/revision-policy';
import { taskCommandScope } from './task-command-scope';
import type { TaskState } from './task-state';

/**
 * Who may send each command. A viewer sends nothing; an admin only imports plans (it runs the
 * system, it does not supervise the work). A 'lead' is anyone acting for a unit, whether that
 * unit leads or supports: the unit's own role is checked against the assignments.
 */
export const TASK_COMMAND_ROLES: Readonly<Record<TaskCommandType, readonly Role[]>> = {
  AssignLead: ['supervisor'],
  AssignSupportingUnit: ['supervisor'],
  RemoveAssignment: ['supervisor'],
  AcknowledgeAssignment: ['lead'],
  DeclineAssignment: ['lead'],
  ReportMilestone: ['lead'],
  ReportTaskProgress: ['lead'],
  CorrectReport: ['lead', 'supervisor'],
  ReviseTarget: ['supervisor'],
  ProposeTargetRevision: ['lead', 'supervisor'],
  ApproveTargetRevision: ['supervisor'],
  RejectTargetRevision: ['supervisor'],
  RequestDeadlineExtension: ['lead'],
  ApproveDeadlineExtension: ['supervisor'],
  RejectDeadlineExtension: ['supervisor'],
  ClaimCompletion: ['lead'],
  VerifyCompletion: ['supervisor'],
  SendBackCompletion: ['supervisor'],
  ReopenTarget: ['supervisor'],
};

/**
 * Decides a task command against the folded task stream. Checks run in a fixed order, so the
 * error a caller sees is predictable: role (forbidden) → task and target exist (not-found) →
 * the actor's unit may act (forbidden) → lifecycle state (illegal-state) → business rules
 * (rule-violation).
 */
export function decideTask(
  command: TaskCommand,
  state: TaskState,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): TaskEvent[] {
  requireRole(command.metadata.actor, ...TASK_COMMAND_ROLES[command.type]);
  const task = requireTask(state, taskCommandScope(command).taskId);
  if (task.withdrawn)
    throw new IllegalStateError(`task ${task.taskId} was withdrawn with its plan`, {
      taskId: task.taskId,
      reason: task.withdrawn.reason,
    });
  switch (command.type) {
    case 'AssignLead':
    case 'AssignSupportingUnit':
      return decideAssign(command, task);
    case 'RemoveAssignment':
      return decideRemoveAssignment(command, task);
    case 'AcknowledgeAssignment':
      return decideAcknowledge(command, task);
    case 'DeclineAssignment':
      return decideDecline(command, task);
    case 'ReportMilestone':
      return decideReportMilestone(command, task);
    case 'ReportTaskProgress':
      return decideReportTaskProgress(command, task);
    case 'CorrectReport':
      return decideCorrectReport(command, task);
    case 'ReviseTarget':
      return decideReviseTarget(command, task, policy);
    case 'ProposeTargetRevision':
      return decideProposeRevision(command, task);
    case 'ApproveTargetRevision':
      return decideApproveRevision(command, task, policy);
    case 'RejectTargetRevision':
      return decideRejectRevision(command, task);
    case 'RequestDeadlineExtension':
      return decideRequestExtension(command, task);
    case 'ApproveDeadlineExtension':
      return decideApproveExtension(command, task);
    case 'RejectDeadlineExtension':
      return decideRejectExtension(command, task);
    case 'ClaimCompletion':
      return decideClaimCompletion(command, task);
    case 'VerifyCompletion':
      return decideVerifyCompletion(command, task);
    case 'SendBackCompletion':
      return decideSendBackCompletion(command, task);
    case 'ReopenTarget':
      return decideReopenTarget(command, task);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}
