import type { CorrectReport } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** A wrong figure is corrected, never edited. */
export class CorrectReportCommand extends sentTaskCommand<CorrectReport>('CorrectReport') {}
