import type { Command } from '../../shared/command';

/** A lead or supporting unit of the target (进展反馈). The reporting unit is the actor's unit. */
export type ReportMilestone = Command<
  'ReportMilestone',
  {
    readonly targetId: string;
    readonly milestoneId: string;
    readonly value: number;
    /** YYYY-MM-DD; not after today in Asia/Shanghai. */
    readonly asOf: string;
    readonly note?: string;
    readonly evidence: readonly string[];
  }
>;
