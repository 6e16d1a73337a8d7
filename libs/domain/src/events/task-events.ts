/**
 * Events of a task stream (`task-<taskId>`). A task and its targets share one stream: an
 * acknowledgement binds to the terms of the whole assignment (owners, target values, due dates),
 * and keeping them in one stream makes that version exact without cross-stream reads.
 */
import type { Comparator, MeasureKind, TargetKind } from '../model/target-terms';

export type AssignmentRole = 'lead' | 'supporting';

/** Where an assignment applies: the whole task, or a single target of it. */
export interface AssignmentScope {
  readonly taskId: string;
  /** Absent for a task-level assignment. */
  readonly targetId?: string;
}

/**
 * What an extension or a completion is about: a target, or (no `targetId`) a task without a
 * quantified target, which is owed, extended and closed at task level like a target. Events
 * recorded before task-level items existed all name a target, so they read the same.
 */
export type ItemScope = AssignmentScope;

export interface TaskRegistered {
  readonly type: 'TaskRegistered';
  readonly schemaVersion: 1;
  readonly data: {
    readonly planId: string;
    readonly taskId: string;
    readonly no: number;
    readonly sectionNo: string;
    readonly sectionTitle: string;
    readonly title: string;
    readonly body: string;
    readonly dueDate: string;
  };
}

export interface TargetRegistered {
  readonly type: 'TargetRegistered';
  readonly schemaVersion: 1;
  readonly data: {
    readonly planId: string;
    readonly taskId: string;
    readonly targetId: string;
    /** Short name of what is measured, e.g. "住宅小区地下车库移动通信网络覆盖". */
    readonly metric: string;
    readonly value: number;
    /** Unit of measure as written: 个, 家, %, Mbps, 亿元, 户 … */
    readonly unit: string;
    readonly comparator: Comparator;
    readonly kind: TargetKind;
    readonly measure: MeasureKind;
    readonly dueDate: string;
    /** The sentence of the plan the target came from. */
    readonly sourceText: string;
    readonly baseline?: { readonly value: number; readonly date?: string };
  };
}

export interface LeadAssigned {
  readonly type: 'LeadAssigned';
  readonly schemaVersion: 1;
  readonly data: AssignmentScope & {
    readonly unit: string;
    readonly reason: string;
    /** Set when the unit was named through a collective name (各街镇) that expands to it. */
    readonly viaGroup?: string;
    /** True when `unit` is itself a collective placeholder (各相关单位) still to be named. */
    readonly isGroup?: boolean;
  };
}

export interface SupportingUnitAssigned {
  readonly type: 'SupportingUnitAssigned';
  readonly schemaVersion: 1;
  readonly data: LeadAssigned['data'];
}

export interface AssignmentRemoved {
  readonly type: 'AssignmentRemoved';
  readonly schemaVersion: 1;
  readonly data: AssignmentScope & {
    readonly unit: string;
    readonly role: AssignmentRole;
    readonly reason: string;
  };
}

/** The terms a unit acknowledged: what it agreed to owe. */
export interface AssignmentTerms {
  /**
   * Starts at 1; increases on a change of owners, target values, comparators, units or due dates
   * in scope once some unit at that scope has answered (acknowledged or declined) the current
   * version, which that change reopens. Changes nobody has answered yet share one version.
   */
  readonly version: number;
  readonly dueDate: string;
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
  readonly targets: readonly {
    readonly targetId: string;
    readonly value: number;
    readonly comparator: Comparator;
    readonly unit: string;
    readonly dueDate: string;
  }[];
}

export interface AssignmentAcknowledged {
  readonly type: 'AssignmentAcknowledged';
  readonly schemaVersion: 1;
  readonly data: AssignmentScope & {
    readonly unit: string;
    readonly role: AssignmentRole;
    readonly terms: AssignmentTerms;
  };
}

export interface AssignmentDeclined {
  readonly type: 'AssignmentDeclined';
  readonly schemaVersion: 1;
  readonly data: AssignmentScope & {
    readonly unit: string;
    readonly role: AssignmentRole;
    readonly reason: string;
    readonly termsVersion: number;
  };
}

/** A unit's figure for a target (进展反馈). `milestoneId` is the report's id (`reportId`). */
export interface MilestoneReported {
  readonly type: 'MilestoneReported';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly targetId: string;
    readonly milestoneId: string;
    readonly unit: string;
    readonly value: number;
    /** YYYY-MM-DD the value was measured at; never after the day it was reported. */
    readonly asOf: string;
    /** How to read `value`, copied from the target's kind when reported. */
    readonly basis: TargetKind;
    readonly note?: string;
    readonly evidence: readonly string[];
  };
}

/**
 * A wrong figure is never edited: the correction points at the report it replaces, and from then
 * on views use `value`; the report itself stays, so "as recorded then" still shows it.
 */
export interface ReportCorrected {
  readonly type: 'ReportCorrected';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly targetId: string;
    readonly reportId: string;
    /** The unit that filed the corrected report. */
    readonly unit: string;
    readonly previousValue: number;
    readonly value: number;
    readonly reason: string;
    readonly correctedBy: string;
  };
}

/** A progress note on a task without a quantified target (进展反馈 at task level). */
export interface TaskProgressReported {
  readonly type: 'TaskProgressReported';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly reportId: string;
    readonly unit: string;
    /** YYYY-MM-DD the note describes; never after the day it was reported. */
    readonly asOf: string;
    readonly note: string;
    readonly evidence: readonly string[];
    /** How far along the unit judges the task, 0–100, when it says. */
    readonly percent?: number;
  };
}

/** The fields of a target a revision can change. */
export interface TargetTermsChange {
  readonly value?: number;
  readonly comparator?: Comparator;
  readonly unit?: string;
  readonly dueDate?: string;
}

export interface TargetRevisionProposed {
  readonly type: 'TargetRevisionProposed';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly targetId: string;
    readonly revisionId: string;
    readonly proposedBy: string;
    readonly proposedByUnit?: string;
    readonly changes: TargetTermsChange;
    readonly reason: string;
    readonly reference?: string;
  };
}

export interface TargetRevisionRejected {
  readonly type: 'TargetRevisionRejected';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly targetId: string;
    readonly revisionId: string;
    readonly rejectedBy: string;
    readonly reason: string;
  };
}

/**
 * The target's terms changed. `before` and `after` hold every field the revision touched, so the
 * audit trail never needs to reconstruct them.
 */
export interface TargetRevised {
  readonly type: 'TargetRevised';
  readonly schemaVersion: 1;
  readonly data: {
    readonly taskId: string;
    readonly targetId: string;
    readonly revisionId: string;
    readonly before: TargetTermsChange;
    readonly after: TargetTermsChange;
    readonly reason: string;
    readonly reference?: string;
    /** The lead who proposed it, when it came from a proposal; else the supervisor who revised it. */
    readonly proposedBy: string;
    readonly approvedBy: string;
  };
}

export interface DeadlineExtensionRequested {
  readonly type: 'DeadlineExtensionRequested';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly extensionId: string;
    readonly unit: string;
    readonly requestedBy: string;
    readonly currentDueDate: string;
    readonly requestedDueDate: string;
    readonly reason: string;
  };
}

export interface DeadlineExtensionApproved {
  readonly type: 'DeadlineExtensionApproved';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly extensionId: string;
    readonly approvedBy: string;
    readonly previousDueDate: string;
    readonly newDueDate: string;
    readonly reason?: string;
  };
}

export interface DeadlineExtensionRejected {
  readonly type: 'DeadlineExtensionRejected';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly extensionId: string;
    readonly rejectedBy: string;
    readonly reason: string;
  };
}

export interface CompletionClaimed {
  readonly type: 'CompletionClaimed';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly unit: string;
    readonly claimedBy: string;
    readonly evidence: readonly string[];
    readonly note?: string;
  };
}

export interface CompletionVerified {
  readonly type: 'CompletionVerified';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly verifiedBy: string;
    readonly note?: string;
  };
}

export interface CompletionSentBack {
  readonly type: 'CompletionSentBack';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly sentBackBy: string;
    readonly reason: string;
  };
}

/** A verified target, or a task without targets (no `targetId`), turns out not to be done. */
export interface TargetReopened {
  readonly type: 'TargetReopened';
  readonly schemaVersion: 1;
  readonly data: ItemScope & {
    readonly reopenedBy: string;
    readonly reason: string;
  };
}

/** The task's plan was withdrawn: nothing is owed on it any more, and it takes no more commands. */
export interface TaskWithdrawn {
  readonly type: 'TaskWithdrawn';
  readonly schemaVersion: 1;
  readonly data: {
    readonly planId: string;
    readonly taskId: string;
    readonly reason: string;
  };
}

export type TaskEvent =
  | TaskRegistered
  | TargetRegistered
  | LeadAssigned
  | SupportingUnitAssigned
  | AssignmentRemoved
  | AssignmentAcknowledged
  | AssignmentDeclined
  | MilestoneReported
  | ReportCorrected
  | TaskProgressReported
  | TargetRevisionProposed
  | TargetRevisionRejected
  | TargetRevised
  | DeadlineExtensionRequested
  | DeadlineExtensionApproved
  | DeadlineExtensionRejected
  | CompletionClaimed
  | CompletionVerified
  | CompletionSentBack
  | TargetReopened
  | TaskWithdrawn;

export type TaskEventType = TaskEvent['type'];
