import type { ApproveTargetRevision } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A supervisor approves a proposed revision of a target. */
export class ApproveRevisionCommand extends sentTaskCommand<ApproveTargetRevision>(
  'ApproveTargetRevision',
) {}
