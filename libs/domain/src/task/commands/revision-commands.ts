import type { TargetTermsChange } from '../../events/task-events';
import type { Command } from '../../shared/command';

interface RevisionData {
  readonly targetId: string;
  readonly revisionId: string;
  readonly changes: TargetTermsChange;
  readonly reason: string;
  /** 文号 of the document authorising the change, when there is one. */
  readonly reference?: string;
}

/**
 * Supervisor: change a target's terms directly. A change the revision policy puts under four
 * eyes (a lowering, a redefinition, a later deadline) becomes a proposal instead.
 */
export type ReviseTarget = Command<'ReviseTarget', RevisionData>;

/** A lead of the target's lead unit, or a supervisor who wants a second pair of eyes. */
export type ProposeTargetRevision = Command<'ProposeTargetRevision', RevisionData>;

/** A supervisor other than the proposer; a lowering needs a 文号, here or in the proposal. */
export type ApproveTargetRevision = Command<
  'ApproveTargetRevision',
  { readonly targetId: string; readonly revisionId: string; readonly reference?: string }
>;

/** A supervisor other than the proposer. */
export type RejectTargetRevision = Command<
  'RejectTargetRevision',
  { readonly targetId: string; readonly revisionId: string; readonly reason: string }
>;
