import type { RequestDeadlineExtension } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 延期申请: a lead asks for a later due date. */
export class RequestExtensionCommand extends sentTaskCommand<RequestDeadlineExtension>(
  'RequestDeadlineExtension',
) {}
