import type { ReopenTarget } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A supervisor reopens a closed target. */
export class ReopenTargetCommand extends sentTaskCommand<ReopenTarget>('ReopenTarget') {}
