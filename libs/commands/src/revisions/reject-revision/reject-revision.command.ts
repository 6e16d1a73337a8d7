import type { RejectTargetRevision } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A supervisor rejects a proposed revision of a target. */
export class RejectRevisionCommand extends sentTaskCommand<RejectTargetRevision>(
  'RejectTargetRevision',
) {}
