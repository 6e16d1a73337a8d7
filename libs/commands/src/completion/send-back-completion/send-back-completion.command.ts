import type { SendBackCompletion } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 退办: a supervisor sends a claimed completion back. */
export class SendBackCompletionCommand extends sentTaskCommand<SendBackCompletion>(
  'SendBackCompletion',
) {}
