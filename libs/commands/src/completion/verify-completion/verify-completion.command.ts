import type { VerifyCompletion } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 销号: a supervisor verifies a claimed completion. */
export class VerifyCompletionCommand extends sentTaskCommand<VerifyCompletion>(
  'VerifyCompletion',
) {}
