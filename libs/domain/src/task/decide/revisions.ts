import type { TargetTermsChange, TaskEvent } from '../../events/task-events';
import { ForbiddenError, IllegalStateError, NotFoundError, RuleViolationError } from '../../errors';
import { compact, requireText } from '../../shared/text-rules';
import type {
  ApproveTargetRevision,
  ProposeTargetRevision,
  RejectTargetRevision,
  ReviseTarget,
} from '../commands/task-command';
import { requireTarget } from '../rules/lookup';
import { requireNotVerified } from '../rules/target-state-rules';
import { diffTerms } from '../rules/terms-change';
import {
  classifyChange,
  DEFAULT_REVISION_POLICY,
  needsSecondSupervisor,
  type RevisionPolicy,
} from '../rules/revision-policy';
import { requireLeadUnitOfTarget } from '../rules/unit-authority';
import { pendingRevision } from '../task-queries';
import type { RegisteredTask, TargetRevision, TargetState } from '../task-state';

/**
 * A target changes one revision at a time: while a proposal is pending, neither a second proposal
 * nor a direct revision is accepted, so an approval always applies to the terms it was judged on.
 */
function requireOpenForRevision(target: TargetState, revisionId: string): void {
  requireNotVerified(target);
  const pending = pendingRevision(target);
  if (pending) {
    throw new IllegalStateError(
      `revision ${pending.revisionId} of ${target.targetId} is pending; decide it first`,
      { pendingRevisionId: pending.revisionId },
      'revision-pending',
    );
  }
  requireText(revisionId, 'revisionId');
  if (target.revisions.some((r) => r.revisionId === revisionId)) {
    throw new RuleViolationError(
      `revision id ${revisionId} is already used`,
      { revisionId },
      'revision-id-used',
    );
  }
}

/**
 * A supervisor changes the terms directly (proposer and approver are the same person) when the
 * policy lets one person make that change: raising the bar, an earlier deadline. Any other change
 * is recorded as the supervisor's proposal, for a second supervisor to decide.
 */
export function decideReviseTarget(
  command: ReviseTarget,
  task: RegisteredTask,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const { revisionId, changes, reference } = command.data;
  requireOpenForRevision(target, revisionId);
  const reason = requireText(command.data.reason, 'reason');
  const { before, after } = diffTerms(target.current, changes);
  const by = command.metadata.actor.id;
  if (needsSecondSupervisor(classifyChange(target.current, after), policy)) {
    return [proposal(task, target, command, after)];
  }
  return [
    {
      type: 'TargetRevised',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
        revisionId,
        before,
        after,
        reason,
        reference,
        proposedBy: by,
        approvedBy: by,
      }),
    },
  ];
}

/** A lead of the target's lead unit, or a supervisor who wants four eyes on the change. */
export function decideProposeRevision(
  command: ProposeTargetRevision,
  task: RegisteredTask,
): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const { actor } = command.metadata;
  const proposedByUnit =
    actor.role === 'lead' ? requireLeadUnitOfTarget(task, actor, target.targetId) : undefined;
  requireOpenForRevision(target, command.data.revisionId);
  requireText(command.data.reason, 'reason');
  const { after } = diffTerms(target.current, command.data.changes);
  return [proposal(task, target, command, after, proposedByUnit)];
}

function proposal(
  task: RegisteredTask,
  target: TargetState,
  command: ReviseTarget | ProposeTargetRevision,
  changes: TargetTermsChange,
  proposedByUnit?: string,
): TaskEvent {
  const { revisionId, reason, reference } = command.data;
  return {
    type: 'TargetRevisionProposed',
    schemaVersion: 1,
    data: compact({
      taskId: task.taskId,
      targetId: target.targetId,
      revisionId,
      proposedBy: command.metadata.actor.id,
      proposedByUnit,
      changes,
      reason,
      reference,
    }),
  };
}

/**
 * Four eyes: whoever proposed a revision cannot decide it, even holding a supervisor role. The
 * proposal is judged against the terms now in force; if they already say what it asks, it is
 * refused as changing nothing. A lowering is approved on the strength of a document: its 文号
 * comes with the approval or was given with the proposal.
 */
export function decideApproveRevision(
  command: ApproveTargetRevision,
  task: RegisteredTask,
  policy: RevisionPolicy = DEFAULT_REVISION_POLICY,
): TaskEvent[] {
  const { target, proposal } = decidable(command, task);
  requireNotVerified(target);
  const { before, after } = diffTerms(target.current, proposal.changes);
  const reference = command.data.reference?.trim() || proposal.reference;
  if (
    policy.referenceRequiredToApproveLowering &&
    !reference &&
    classifyChange(target.current, after).lowering
  ) {
    throw new RuleViolationError(
      `approving the lowering of ${target.targetId} needs a reference (文号)`,
      { field: 'reference', revisionId: proposal.revisionId },
      'reference-required',
    );
  }
  return [
    {
      type: 'TargetRevised',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
        revisionId: proposal.revisionId,
        before,
        after,
        reason: proposal.reason,
        reference,
        proposedBy: proposal.proposedBy,
        approvedBy: command.metadata.actor.id,
      }),
    },
  ];
}

export function decideRejectRevision(
  command: RejectTargetRevision,
  task: RegisteredTask,
): TaskEvent[] {
  const { target, proposal } = decidable(command, task);
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'TargetRevisionRejected',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        revisionId: proposal.revisionId,
        rejectedBy: command.metadata.actor.id,
        reason,
      },
    },
  ];
}

function decidable(command: ApproveTargetRevision | RejectTargetRevision, task: RegisteredTask) {
  const target = requireTarget(task, command.data.targetId);
  const { revisionId } = command.data;
  const proposal: TargetRevision | undefined = target.revisions.find(
    (r) => r.revisionId === revisionId,
  );
  if (!proposal)
    throw new NotFoundError(
      `revision ${revisionId} does not exist`,
      { revisionId },
      'revision-not-found',
    );
  const { actor } = command.metadata;
  if (proposal.proposedBy === actor.id) {
    throw new ForbiddenError(
      'a revision must be decided by someone other than its proposer',
      { revisionId, actorId: actor.id },
      'four-eyes',
    );
  }
  if (proposal.status !== 'pending') {
    throw new IllegalStateError(
      `revision ${revisionId} is already ${proposal.status}`,
      { revisionId, status: proposal.status },
      'revision-decided',
    );
  }
  return { target, proposal };
}
