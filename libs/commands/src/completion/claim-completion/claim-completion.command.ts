import type { ClaimCompletion } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 办结: a lead claims a target done, with evidence. */
export class ClaimCompletionCommand extends sentTaskCommand<ClaimCompletion>('ClaimCompletion') {}
