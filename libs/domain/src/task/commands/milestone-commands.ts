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

/** A lead or supporting unit of a task without targets: a progress note, maybe a percent. */
export type ReportTaskProgress = Command<
  'ReportTaskProgress',
  {
    readonly taskId: string;
    readonly reportId: string;
    /** YYYY-MM-DD; not after today in Asia/Shanghai. */
    readonly asOf: string;
    readonly note: string;
    readonly evidence: readonly string[];
    readonly percent?: number;
  }
>;

/** The unit that filed a report, or a supervisor: the figure was wrong. */
export type CorrectReport = Command<
  'CorrectReport',
  {
    readonly targetId: string;
    readonly reportId: string;
    readonly value: number;
    readonly reason: string;
  }
>;
