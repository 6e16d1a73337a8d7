import type Database from 'better-sqlite3';
import type { TargetChange } from '../target-changes/target-changes.query';
import { asOfInstant } from '../shared/time';
import { pageBounds, type PageRequest } from '../obligations/page';
import type { AttentionListName } from './attention-lists';
import type { AttentionPage } from './attention-page';
import type { ListScope } from './list-scope';
import { unansweredAssignments, type UnansweredAssignment } from './unanswered-assignments';
import { unreportedTargets, type UnreportedTarget } from './unreported-targets';
import { movedDeadlines, type RepeatedlyMovedDeadline } from './moved-deadlines';
import { loweredLate } from './lowered-late';
import { pendingApprovals, type PendingApproval } from '../approvals/approvals.query';

export type { AttentionListName } from './attention-lists';
export type { AttentionPage } from './attention-page';
export type { UnansweredAssignment } from './unanswered-assignments';
export type { UnreportedTarget } from './unreported-targets';
export type { RepeatedlyMovedDeadline } from './moved-deadlines';

/** `limit` (default 50, at most 1000) and `offset` apply to each list answered. */
export interface AttentionOptions extends PageRequest {
  /** The instant to look from: everything recorded up to it counts. */
  readonly now: string | Date;
  /** An assignment unanswered for more than this many days needs attention (default 7). */
  readonly unackDays?: number;
  /** A target without a report for more than this many days needs attention (default 30). */
  readonly noReportDays?: number;
  /** MM-DD of the plan year from which lowering a target counts as late (default 10-01). */
  readonly lateFrom?: string;
  /** A proposal, request or claim undecided for more than this many days needs attention (default 7). */
  readonly approvalDays?: number;
  readonly planId?: string;
  readonly unit?: string;
  /** Only this list (to page through it); every list when absent. */
  readonly list?: AttentionListName;
}

/** Each list a page of its items, most urgent first; with `list`, that list alone. */
export interface AttentionList {
  readonly now: string;
  readonly parameters: {
    readonly unackDays: number;
    readonly noReportDays: number;
    readonly lateFrom: string;
    readonly approvalDays: number;
  };
  readonly unacknowledged?: AttentionPage<UnansweredAssignment>;
  readonly noRecentReport?: AttentionPage<UnreportedTarget>;
  readonly deadlineMovedRepeatedly?: AttentionPage<RepeatedlyMovedDeadline>;
  readonly loweredLate?: AttentionPage<TargetChange>;
  /** Declined assignments still waiting for a supervisor to reassign, longest waiting first. */
  readonly declined?: AttentionPage<PendingApproval>;
  /** Proposals, extension requests and completion claims undecided for more than approvalDays. */
  readonly awaitingDecision?: AttentionPage<PendingApproval>;
}

/**
 * What a supervisor should look at now: answers overdue, targets nobody reports on, deadlines
 * moved again and again, targets lowered late in the year. Reads the obligations and the
 * target-changes read models. Only the lists asked for are computed, each a page at a time.
 */
export function attention(db: Database.Database, options: AttentionOptions): AttentionList {
  const now = asOfInstant(options.now);
  const unackDays = options.unackDays ?? 7;
  const noReportDays = options.noReportDays ?? 30;
  const lateFrom = options.lateFrom ?? '10-01';
  const approvalDays = options.approvalDays ?? 7;
  const waiting = { asOf: now, planId: options.planId, unit: options.unit, ...pageBounds(options) };
  const scope: ListScope = {
    db,
    now,
    nowMs: Date.parse(now),
    planId: options.planId,
    unit: options.unit,
    page: pageBounds(options),
  };
  const wanted = (list: AttentionListName) => options.list === undefined || options.list === list;
  return {
    now,
    parameters: { unackDays, noReportDays, lateFrom, approvalDays },
    ...(wanted('unacknowledged')
      ? { unacknowledged: unansweredAssignments(scope, unackDays) }
      : {}),
    ...(wanted('noRecentReport') ? { noRecentReport: unreportedTargets(scope, noReportDays) } : {}),
    ...(wanted('deadlineMovedRepeatedly')
      ? { deadlineMovedRepeatedly: movedDeadlines(scope) }
      : {}),
    ...(wanted('loweredLate') ? { loweredLate: loweredLate(scope, lateFrom) } : {}),
    ...(wanted('declined')
      ? { declined: pendingApprovals(db, { ...waiting, kind: 'decline' }) }
      : {}),
    ...(wanted('awaitingDecision')
      ? {
          awaitingDecision: pendingApprovals(db, {
            ...waiting,
            kinds: ['revision', 'extension', 'completion'],
            waitingDays: approvalDays,
          }),
        }
      : {}),
  };
}
