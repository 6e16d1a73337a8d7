import type { TaskEvent } from '../../events/task-events';
import { IllegalStateError } from '../../errors';
import { compact, requireEvidence, requireText } from '../../shared/text-rules';
import type {
  ClaimCompletion,
  ReopenTarget,
  SendBackCompletion,
  VerifyCompletion,
} from '../commands/task-command';
import { requireTarget } from '../rules/lookup';
import { requireLeadUnitOfTarget } from '../rules/unit-authority';
import type { CompletionState, RegisteredTask, TargetState } from '../task-state';

/** 办结: the lead unit claims the target done, with evidence. */
export function decideClaimCompletion(command: ClaimCompletion, task: RegisteredTask): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const unit = requireLeadUnitOfTarget(task, command.metadata.actor, target.targetId);
  requireCompletion(target, 'open');
  const evidence = requireEvidence(command.data.evidence, true);
  return [
    {
      type: 'CompletionClaimed',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
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
  const target = requireTarget(task, command.data.targetId);
  requireCompletion(target, 'claimed');
  return [
    {
      type: 'CompletionVerified',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
        verifiedBy: command.metadata.actor.id,
        note: command.data.note,
      }),
    },
  ];
}

/** 退办: the claim is not accepted; the target is open again. */
export function decideSendBackCompletion(
  command: SendBackCompletion,
  task: RegisteredTask,
): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  requireCompletion(target, 'claimed');
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'CompletionSentBack',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        sentBackBy: command.metadata.actor.id,
        reason,
      },
    },
  ];
}

export function decideReopenTarget(command: ReopenTarget, task: RegisteredTask): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  requireCompletion(target, 'verified');
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'TargetReopened',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        reopenedBy: command.metadata.actor.id,
        reason,
      },
    },
  ];
}

function requireCompletion(target: TargetState, status: CompletionState['status']): void {
  if (target.completion.status !== status) {
    throw new IllegalStateError(
      `target ${target.targetId} is ${target.completion.status}, not ${status}`,
      {
        targetId: target.targetId,
        completion: target.completion.status,
      },
    );
  }
}
