import type { DeclineAssignment } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 退回: a unit returns an assignment, with a reason. */
export class DeclineAssignmentCommand extends sentTaskCommand<DeclineAssignment>(
  'DeclineAssignment',
) {}
