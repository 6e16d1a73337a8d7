import type { Command } from '../../shared/command';

/** A lead of the target's lead unit (延期申请), before the due date. */
export type RequestDeadlineExtension = Command<
  'RequestDeadlineExtension',
  {
    readonly targetId: string;
    readonly extensionId: string;
    readonly requestedDueDate: string;
    readonly reason: string;
  }
>;

/** Supervisor: grants an exact date, which may differ from the one requested. */
export type ApproveDeadlineExtension = Command<
  'ApproveDeadlineExtension',
  {
    readonly targetId: string;
    readonly extensionId: string;
    readonly newDueDate: string;
    readonly reason?: string;
  }
>;

export type RejectDeadlineExtension = Command<
  'RejectDeadlineExtension',
  { readonly targetId: string; readonly extensionId: string; readonly reason: string }
>;
