import type { Command } from '../../shared/command';
import type { ItemRef } from './item-ref';

/** A lead of the lead unit of the target or task (延期申请), before the due date. */
export type RequestDeadlineExtension = Command<
  'RequestDeadlineExtension',
  ItemRef & {
    readonly extensionId: string;
    readonly requestedDueDate: string;
    readonly reason: string;
  }
>;

/** Supervisor: grants an exact date, which may differ from the one requested. */
export type ApproveDeadlineExtension = Command<
  'ApproveDeadlineExtension',
  ItemRef & {
    readonly extensionId: string;
    readonly newDueDate: string;
    readonly reason?: string;
  }
>;

export type RejectDeadlineExtension = Command<
  'RejectDeadlineExtension',
  ItemRef & { readonly extensionId: string; readonly reason: string }
>;
