import type { AssignmentRole, TargetTermsChange } from '../events/task-events';
import type { Comparator, MeasureKind, TargetKind } from '../model/target-terms';

/** The four terms of a target an owner is held to. */
export interface TargetTerms {
  readonly value: number;
  readonly comparator: Comparator;
  readonly unit: string;
  readonly dueDate: string;
}

/**
 * pending: never answered; acknowledged / declined: answered the current terms version;
 * reopened: answered an earlier version, the terms changed since, a new answer is due.
 */
export type AckStatus = 'pending' | 'acknowledged' | 'reopened' | 'declined';

export interface AssignmentAnswer {
  readonly kind: 'acknowledged' | 'declined';
  readonly version: number;
  readonly reason?: string;
}

export interface Assignment {
  readonly taskId: string;
  /** Absent for a task-level assignment. */
  readonly targetId?: string;
  readonly unit: string;
  readonly role: AssignmentRole;
  readonly reason: string;
  readonly viaGroup?: string;
  /** A collective placeholder (各相关单位) still to be named; it cannot answer or act. */
  readonly isGroup?: boolean;
  readonly ackStatus: AckStatus;
  /** The last terms version this unit acknowledged at this scope, kept when it is reopened. */
  readonly acknowledgedVersion?: number;
  readonly lastAnswer?: AssignmentAnswer;
}

export type CompletionState =
  | { readonly status: 'open' }
  | { readonly status: 'claimed'; readonly claim: CompletionClaim }
  | {
      readonly status: 'verified';
      readonly claim: CompletionClaim;
      readonly verifiedBy: string;
      readonly note?: string;
    };

export interface CompletionClaim {
  readonly unit: string;
  readonly claimedBy: string;
  readonly evidence: readonly string[];
  readonly note?: string;
}

/** A unit's report on a target; `value` is the corrected figure once a correction is recorded. */
export interface MilestoneReport {
  readonly milestoneId: string;
  readonly unit: string;
  readonly value: number;
  readonly asOf: string;
  readonly basis: TargetKind;
  readonly note?: string;
  readonly evidence: readonly string[];
}

/** What a task without targets and a target share: a due date, extensions and completion. */
export interface ItemLifecycle {
  readonly completion: CompletionState;
  readonly extensions: readonly DeadlineExtension[];
}

/** A revision of a target: a proposal awaiting a decision, or a decided one. */
export type TargetRevision = {
  readonly revisionId: string;
  readonly proposedBy: string;
  readonly proposedByUnit?: string;
  readonly changes: TargetTermsChange;
  readonly reason: string;
  readonly reference?: string;
} & (
  | { readonly status: 'pending' }
  | { readonly status: 'approved'; readonly approvedBy: string }
  | { readonly status: 'rejected'; readonly rejectedBy: string; readonly rejectionReason: string }
);

export type DeadlineExtension = {
  readonly extensionId: string;
  readonly unit: string;
  readonly requestedBy: string;
  readonly currentDueDate: string;
  readonly requestedDueDate: string;
  readonly reason: string;
} & (
  | { readonly status: 'pending' }
  | { readonly status: 'approved'; readonly approvedBy: string; readonly newDueDate: string }
  | { readonly status: 'rejected'; readonly rejectedBy: string; readonly rejectionReason: string }
);

export interface TargetState {
  readonly targetId: string;
  readonly metric: string;
  readonly kind: TargetKind;
  readonly measure: MeasureKind;
  readonly sourceText: string;
  readonly baseline?: { readonly value: number; readonly date?: string };
  /** The terms as registered; never changes, so progress can be scored against both. */
  readonly original: TargetTerms;
  readonly current: TargetTerms;
  /** Version of this target's assignment terms (see `currentTerms`). */
  readonly termsVersion: number;
  readonly completion: CompletionState;
  /** Every report filed on the target, in recording order, corrections applied. */
  readonly reports: readonly MilestoneReport[];
  readonly revisions: readonly TargetRevision[];
  readonly extensions: readonly DeadlineExtension[];
}

export interface RegisteredTask {
  readonly status: 'registered';
  readonly planId: string;
  readonly taskId: string;
  readonly no: number;
  readonly sectionNo: string;
  readonly sectionTitle: string;
  readonly title: string;
  readonly body: string;
  /** The task's due date now in force (an approved task-level extension moves it). */
  readonly dueDate: string;
  /** The due date as registered: its year is the plan's year. */
  readonly originalDueDate: string;
  /** Version of the task-level assignment terms (see `currentTerms`). */
  readonly termsVersion: number;
  /**
   * Task-level completion and extensions: used by a task without targets, which is closed as a
   * whole; a task with targets is closed target by target.
   */
  readonly completion: CompletionState;
  readonly extensions: readonly DeadlineExtension[];
  /** Ids of the task-level progress notes, so that a retried id is refused. */
  readonly progressReportIds: readonly string[];
  readonly targets: readonly TargetState[];
  /** Current assignments, task-level and target-level, in the order they were made. */
  readonly assignments: readonly Assignment[];
  /** Set when its plan was withdrawn: it takes no more commands. */
  readonly withdrawn?: { readonly reason: string };
}

export type TaskState = { readonly status: 'none' } | RegisteredTask;

export const initialTaskState = (): TaskState => ({ status: 'none' });
