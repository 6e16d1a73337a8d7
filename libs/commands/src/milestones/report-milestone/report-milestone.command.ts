import type { ReportMilestone } from '@duty-ledger/domain';
import { sentTaskCommand } from '../../shared/sent-task-command';

/** 进展反馈: where a target stands on a date. */
export class ReportMilestoneCommand extends sentTaskCommand<ReportMilestone>('ReportMilestone') {}
