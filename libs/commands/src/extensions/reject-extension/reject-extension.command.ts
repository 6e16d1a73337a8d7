import type { RejectDeadlineExtension } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A supervisor refuses an extension. */
export class RejectExtensionCommand extends sentTaskCommand<RejectDeadlineExtension>(
  'RejectDeadlineExtension',
) {}
