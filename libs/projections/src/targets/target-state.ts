import type { AssignmentRole, MeasureKind, TargetKind } from '@duty-ledger/domain';
import type { AckState, CompletionStatus, Terms } from '../shared/task-view';

export type TrackedField =
  | 'value'
  | 'comparator'
  | 'unit'
  | 'dueDate'
  | 'owners'
  | 'completion'
  | 'latestReport'
  /** A correction: the report's figure before and after it. */
  | 'reportValue';

export interface FieldChange {
  readonly field: TrackedField;
  /** Absent when the field had no value before (a new target, a first report). */
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface TargetOwner {
  readonly unit: string;
  readonly role: AssignmentRole;
  readonly scope: 'task' | 'target';
  readonly viaGroup?: string;
  readonly isGroup?: boolean;
  readonly acknowledgement: AckState;
  readonly acknowledgedVersion?: number;
}

/** A target's terms and owners at one point of the log. */
export interface TargetSnapshot {
  readonly planId: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly sectionNo: string;
  readonly sectionTitle: string;
  readonly targetId: string;
  readonly metric: string;
  readonly kind: TargetKind;
  readonly measure: MeasureKind;
  readonly sourceText: string;
  readonly baseline?: { readonly value: number; readonly date?: string };
  readonly original: Terms;
  readonly current: Terms;
  readonly completion: CompletionStatus;
  readonly deadlineMoves: number;
  readonly leadAcknowledged: boolean;
  readonly owners: readonly TargetOwner[];
  readonly registeredAt: string;
}
