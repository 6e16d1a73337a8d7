import type { TaskEvent } from '../../events/task-events';
import { IllegalStateError } from '../../errors';
import { compact, requireEvidence, requireText } from '../../shared/text-rules';
import type {
  ClaimCompletion,
  ReopenTarget,
  SendBackCompletion,
  VerifyCompletion,
} from '../commands/task-command';
import { itemName, itemScope, requireItem, type WorkItem } from '../rules/item';
import { requireLeadUnitOfItem } from '../rules/unit-authority';
import type { CompletionState, RegisteredTask } from '../task-state';

/** 办结: the lead unit claims the target (or the task without targets) done, with evidence. */
export function decideClaimCompletion(command: ClaimCompletion, task: RegisteredTask): TaskEvent[] {
  const item = requireItem(task, command.data);
  const unit = requireLeadUnitOfItem(task, command.metadata.actor, item.targetId);
  requireCompletion(item, 'open');
  const evidence = requireEvidence(command.data.evidence, true);
  return [
    {
      type: 'CompletionClaimed',
      schemaVersion: 1,
      data: compact({
        ...itemScope(task, item),
        unit,
        claimedBy: command.metadata.actor.id,
        evidence,
        note: command.data.note,
      }),
    },
  ];
}

/** 审核 → 销号. */
export function decideVerifyCompletion(
  command: VerifyCompletion,
  task: RegisteredTask,
): TaskEvent[] {
  const item = requireItem(task, command.data);
  requireCompletion(item, 'claimed');
  return [
    {
      type: 'CompletionVerified',
      schemaVersion: 1,
      data: compact({
        ...itemScope(task, item),
        verifiedBy: command.metadata.actor.id,
        note: command.data.note,
      }),
    },
  ];
}

/** 退办: the claim is not accepted; the item is open again. */
export function decideSendBackCompletion(
  command: SendBackCompletion,
  task: RegisteredTask,
): TaskEvent[] {
  const item = requireItem(task, command.data);
  requireCompletion(item, 'claimed');
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'CompletionSentBack',
      schemaVersion: 1,
      data: { ...itemScope(task, item), sentBackBy: command.metadata.actor.id, reason },
    },
  ];
}

export function decideReopenTarget(command: ReopenTarget, task: RegisteredTask): TaskEvent[] {
  const item = requireItem(task, command.data);
  requireCompletion(item, 'verified');
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'TargetReopened',
      schemaVersion: 1,
      data: { ...itemScope(task, item), reopenedBy: command.metadata.actor.id, reason },
    },
  ];
}

function requireCompletion(item: WorkItem, status: CompletionState['status']): void {
  if (item.completion.status !== status) {
    throw new IllegalStateError(
      `${itemName(item)} is ${item.completion.status}, not ${status}`,
      { item: item.id, completion: item.completion.status, expected: status },
      `completion-not-${status}`,
    );
  }
}
