import type { ProposeTargetRevision, ReviseTarget } from '@duty-ledger/domain';
import { SentTaskCommand } from '../../shared/sent-task-command';

/** Revise a target's terms at once (ReviseTarget) or propose it for approval (ProposeTargetRevision). */
export class ReviseTargetCommand extends SentTaskCommand<ReviseTarget | ProposeTargetRevision> {}
