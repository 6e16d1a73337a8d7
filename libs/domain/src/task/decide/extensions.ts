import type { TaskEvent } from '../../events/task-events';
import { IllegalStateError, NotFoundError, RuleViolationError } from '../../errors';
import { requireIsoDate, shanghaiDateOf } from '../../shared/dates';
import { compact, requireText } from '../../shared/text-rules';
import type {
  ApproveDeadlineExtension,
  RejectDeadlineExtension,
  RequestDeadlineExtension,
} from '../commands/task-command';
import { requireTarget } from '../rules/lookup';
import { requireNotVerified } from '../rules/target-state-rules';
import { requireLeadUnitOfTarget } from '../rules/unit-authority';
import { pendingExtension } from '../task-queries';
import type { DeadlineExtension, RegisteredTask, TargetState } from '../task-state';

/**
 * 延期申请 is made in advance: at the latest on the day before the due date (Asia/Shanghai), so
 * a unit cannot wait for the deadline to pass and then ask. One request at a time per target.
 */
export function decideRequestExtension(
  command: RequestDeadlineExtension,
  task: RegisteredTask,
): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const unit = requireLeadUnitOfTarget(task, command.metadata.actor, target.targetId);
  requireNotVerified(target);
  const pending = pendingExtension(target);
  if (pending) {
    throw new IllegalStateError(
      `extension ${pending.extensionId} of ${target.targetId} is pending`,
      {
        pendingExtensionId: pending.extensionId,
      },
    );
  }
  const { extensionId, requestedDueDate } = command.data;
  requireText(extensionId, 'extensionId');
  if (target.extensions.some((e) => e.extensionId === extensionId)) {
    throw new RuleViolationError(`extension id ${extensionId} is already used`, { extensionId });
  }
  const reason = requireText(command.data.reason, 'reason');
  requireIsoDate(requestedDueDate, 'requestedDueDate');
  const currentDueDate = target.current.dueDate;
  const today = shanghaiDateOf(command.metadata.now);
  if (today >= currentDueDate) {
    throw new RuleViolationError(
      `an extension must be requested before the due date ${currentDueDate}`,
      {
        today,
        currentDueDate,
      },
    );
  }
  requireLaterThan(requestedDueDate, currentDueDate, 'requestedDueDate');
  return [
    {
      type: 'DeadlineExtensionRequested',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        extensionId,
        unit,
        requestedBy: command.metadata.actor.id,
        currentDueDate,
        requestedDueDate,
        reason,
      },
    },
  ];
}

/** The supervisor grants an exact date, later than the due date now in force. */
export function decideApproveExtension(
  command: ApproveDeadlineExtension,
  task: RegisteredTask,
): TaskEvent[] {
  const { target, extension } = decidable(command, task);
  requireNotVerified(target);
  const { newDueDate, reason } = command.data;
  requireIsoDate(newDueDate, 'newDueDate');
  requireLaterThan(newDueDate, target.current.dueDate, 'newDueDate');
  if (reason !== undefined) requireText(reason, 'reason');
  return [
    {
      type: 'DeadlineExtensionApproved',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
        extensionId: extension.extensionId,
        approvedBy: command.metadata.actor.id,
        previousDueDate: target.current.dueDate,
        newDueDate,
        reason,
      }),
    },
  ];
}

export function decideRejectExtension(
  command: RejectDeadlineExtension,
  task: RegisteredTask,
): TaskEvent[] {
  const { target, extension } = decidable(command, task);
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'DeadlineExtensionRejected',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        extensionId: extension.extensionId,
        rejectedBy: command.metadata.actor.id,
        reason,
      },
    },
  ];
}

function decidable(
  command: ApproveDeadlineExtension | RejectDeadlineExtension,
  task: RegisteredTask,
) {
  const target: TargetState = requireTarget(task, command.data.targetId);
  const { extensionId } = command.data;
  const extension: DeadlineExtension | undefined = target.extensions.find(
    (e) => e.extensionId === extensionId,
  );
  if (!extension)
    throw new NotFoundError(`extension ${extensionId} does not exist`, { extensionId });
  if (extension.status !== 'pending') {
    throw new IllegalStateError(`extension ${extensionId} is already ${extension.status}`, {
      extensionId,
      status: extension.status,
    });
  }
  return { target, extension };
}

function requireLaterThan(date: string, dueDate: string, field: string): void {
  if (date <= dueDate) {
    throw new RuleViolationError(`${field} ${date} must be later than the due date ${dueDate}`, {
      [field]: date,
      dueDate,
    });
  }
}
