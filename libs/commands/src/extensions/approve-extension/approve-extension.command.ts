import type { ApproveDeadlineExtension } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A supervisor grants an extension, to an exact date. */
export class ApproveExtensionCommand extends sentTaskCommand<ApproveDeadlineExtension>(
  'ApproveDeadlineExtension',
) {}
