import type { AcknowledgeAssignment, DeclineAssignment } from './acknowledgement-commands';
import type { AssignLead, AssignSupportingUnit, RemoveAssignment } from './assignment-commands';
import type {
  ClaimCompletion,
  ReopenTarget,
  SendBackCompletion,
  VerifyCompletion,
} from './completion-commands';
import type {
  ApproveDeadlineExtension,
  RejectDeadlineExtension,
  RequestDeadlineExtension,
} from './extension-commands';
import type { CorrectReport, ReportMilestone, ReportTaskProgress } from './milestone-commands';
import type {
  ApproveTargetRevision,
  ProposeTargetRevision,
  RejectTargetRevision,
  ReviseTarget,
} from './revision-commands';

export type * from './acknowledgement-commands';
export type * from './assignment-commands';
export type * from './completion-commands';
export type * from './extension-commands';
export type * from './item-ref';
export type * from './milestone-commands';
export type * from './revision-commands';

/** Commands addressed to a task, or to a target (whose id names its task). */
export type TaskCommand =
  | AssignLead
  | AssignSupportingUnit
  | RemoveAssignment
  | AcknowledgeAssignment
  | DeclineAssignment
  | ReportMilestone
  | ReportTaskProgress
  | CorrectReport
  | ReviseTarget
  | ProposeTargetRevision
  | ApproveTargetRevision
  | RejectTargetRevision
  | RequestDeadlineExtension
  | ApproveDeadlineExtension
  | RejectDeadlineExtension
  | ClaimCompletion
  | VerifyCompletion
  | SendBackCompletion
  | ReopenTarget;

export type TaskCommandType = TaskCommand['type'];
