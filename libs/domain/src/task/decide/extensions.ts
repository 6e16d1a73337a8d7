import type { TaskEvent } from '../../events/task-events';
import { IllegalStateError, NotFoundError, RuleViolationError } from '../../errors';
import { requireIsoDate, shanghaiDateOf } from '../../shared/dates';
import { compact, requireText } from '../../shared/text-rules';
import type {
  ApproveDeadlineExtension,
  RejectDeadlineExtension,
  RequestDeadlineExtension,
} from '../commands/task-command';
import { itemName, itemScope, requireItem, type WorkItem } from '../rules/item';
import { requireNotVerified } from '../rules/target-state-rules';
import { requireLeadUnitOfItem } from '../rules/unit-authority';
import { pendingExtension } from '../task-queries';
import type { DeadlineExtension, RegisteredTask } from '../task-state';

/**
 * 延期申请 is made in advance: at the latest on the day before the due date (Asia/Shanghai), so
 * a unit cannot wait for the deadline to pass and then ask. One request at a time per target
 * (or per task without targets).
 */
export function decideRequestExtension(
  command: RequestDeadlineExtension,
  task: RegisteredTask,
): TaskEvent[] {
  const item = requireItem(task, command.data);
  const unit = requireLeadUnitOfItem(task, command.metadata.actor, item.targetId);
  requireNotVerified(item);
  const pending = pendingExtension(item);
  if (pending) {
    throw new IllegalStateError(
      `extension ${pending.extensionId} of ${item.id} is pending`,
      { pendingExtensionId: pending.extensionId },
      'extension-pending',
    );
  }
  const { extensionId, requestedDueDate } = command.data;
  requireText(extensionId, 'extensionId');
  if (item.extensions.some((e) => e.extensionId === extensionId)) {
    throw new RuleViolationError(
      `extension id ${extensionId} is already used`,
      { extensionId },
      'extension-id-used',
    );
  }
  const reason = requireText(command.data.reason, 'reason');
  requireIsoDate(requestedDueDate, 'requestedDueDate');
  const currentDueDate = item.dueDate;
  const today = shanghaiDateOf(command.metadata.now);
  if (today >= currentDueDate) {
    throw new RuleViolationError(
      `an extension must be requested before the due date ${currentDueDate}`,
      { today, currentDueDate },
      'extension-too-late',
    );
  }
  requireLaterThan(requestedDueDate, currentDueDate, 'requestedDueDate');
  return [
    {
      type: 'DeadlineExtensionRequested',
      schemaVersion: 1,
      data: {
        ...itemScope(task, item),
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
  const { item, extension } = decidable(command, task);
  requireNotVerified(item);
  const { newDueDate, reason } = command.data;
  requireIsoDate(newDueDate, 'newDueDate');
  requireLaterThan(newDueDate, item.dueDate, 'newDueDate');
  if (reason !== undefined) requireText(reason, 'reason');
  return [
    {
      type: 'DeadlineExtensionApproved',
      schemaVersion: 1,
      data: compact({
        ...itemScope(task, item),
        extensionId: extension.extensionId,
        approvedBy: command.metadata.actor.id,
        previousDueDate: item.dueDate,
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
  const { item, extension } = decidable(command, task);
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'DeadlineExtensionRejected',
      schemaVersion: 1,
      data: {
        ...itemScope(task, item),
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
  const item: WorkItem = requireItem(task, command.data);
  const { extensionId } = command.data;
  const extension: DeadlineExtension | undefined = item.extensions.find(
    (e) => e.extensionId === extensionId,
  );
  if (!extension)
    throw new NotFoundError(
      `extension ${extensionId} of ${itemName(item)} does not exist`,
      { extensionId },
      'extension-not-found',
    );
  if (extension.status !== 'pending') {
    throw new IllegalStateError(
      `extension ${extensionId} is already ${extension.status}`,
      { extensionId, status: extension.status },
      'extension-decided',
    );
  }
  return { item, extension };
}

function requireLaterThan(date: string, dueDate: string, field: string): void {
  if (date <= dueDate) {
    throw new RuleViolationError(
      `${field} ${date} must be later than the due date ${dueDate}`,
      { field, [field]: date, dueDate },
      'date-not-later',
    );
  }
}
