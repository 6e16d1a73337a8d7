import type { AcknowledgeAssignment } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 签收: a unit accepts what it was assigned. */
export class AcknowledgeAssignmentCommand extends sentTaskCommand<AcknowledgeAssignment>(
  'AcknowledgeAssignment',
) {}
