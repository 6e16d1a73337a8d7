import type { TargetTermsChange } from '../../events/task-events';
import type { TargetTerms } from '../task-state';

/**
 * Which changes of a target's terms need two people (四眼原则): whoever asks, a different
 * supervisor decides. It is configuration; the defaults put every change that makes a target
 * easier to meet under four eyes and let one that makes it harder apply at once.
 */
export interface RevisionPolicy {
  /** A lower bar: a smaller value for "at least" targets, a larger one for "at most" targets. */
  readonly loweringNeedsSecondSupervisor: boolean;
  /** A different comparator or unit of measure: the target means something else. */
  readonly redefiningNeedsSecondSupervisor: boolean;
  /** A due date moved later. */
  readonly laterDeadlineNeedsSecondSupervisor: boolean;
  /** Approving a lowering needs a 文号 (document reference), in the proposal or the approval. */
  readonly referenceRequiredToApproveLowering: boolean;
}

export const DEFAULT_REVISION_POLICY: RevisionPolicy = {
  loweringNeedsSecondSupervisor: true,
  redefiningNeedsSecondSupervisor: true,
  laterDeadlineNeedsSecondSupervisor: true,
  referenceRequiredToApproveLowering: true,
};

/** What kind of change a revision makes, judged against the terms now in force. */
export interface ChangeKinds {
  readonly lowering: boolean;
  readonly redefining: boolean;
  readonly laterDeadline: boolean;
}

export function classifyChange(current: TargetTerms, after: TargetTermsChange): ChangeKinds {
  const comparator = after.comparator ?? current.comparator;
  const redefining =
    (after.comparator !== undefined && after.comparator !== current.comparator) ||
    (after.unit !== undefined && after.unit !== current.unit);
  const value = after.value ?? current.value;
  const lowering =
    !redefining &&
    value !== current.value &&
    (comparator === 'eq' ||
      ((comparator === 'gte' || comparator === 'gt') && value < current.value) ||
      ((comparator === 'lte' || comparator === 'lt') && value > current.value));
  const laterDeadline = after.dueDate !== undefined && after.dueDate > current.dueDate;
  return { lowering, redefining, laterDeadline };
}

/** True when the policy wants a second supervisor for this change. */
export function needsSecondSupervisor(kinds: ChangeKinds, policy: RevisionPolicy): boolean {
  return (
    (kinds.lowering && policy.loweringNeedsSecondSupervisor) ||
    (kinds.redefining && policy.redefiningNeedsSecondSupervisor) ||
    (kinds.laterDeadline && policy.laterDeadlineNeedsSecondSupervisor)
  );
}
