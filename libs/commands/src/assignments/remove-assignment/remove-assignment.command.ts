import type { RemoveAssignment } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 撤销交办: take an assignment away, with a reason. */
export class RemoveAssignmentCommand extends sentTaskCommand<RemoveAssignment>(
  'RemoveAssignment',
) {}
