import type { ReportTaskProgress } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 进展反馈 on a task without a quantified target. */
export class ReportTaskProgressCommand extends sentTaskCommand<ReportTaskProgress>(
  'ReportTaskProgress',
) {}
