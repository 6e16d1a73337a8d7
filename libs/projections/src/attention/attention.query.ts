import type Database from 'better-sqlite3';
import type { AssignmentRole } from '@duty-ledger/domain';
import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { TARGET_CHANGE_TABLES } from '../target-changes/target-changes.schema';
import {
  toTargetChange,
  type TargetChange,
  type TargetChangeRow,
} from '../target-changes/target-changes.query';
import { addDays, CHINA_OFFSET_MINUTES, daysBetween, asOfInstant } from '../shared/time';
import type { AckState } from '../shared/task-view';
import { prepared } from '../shared/statement-cache';

export interface AttentionOptions {
  /** The instant to look from: everything recorded up to it counts. */
  readonly now: string | Date;
  /** An assignment unanswered for more than this many days needs attention (default 7). */
  readonly unackDays?: number;
  /** A target without a report for more than this many days needs attention (default 30). */
  readonly noReportDays?: number;
  /** MM-DD of the plan year from which lowering a target counts as late (default 10-01). */
  readonly lateFrom?: string;
  readonly planId?: string;
  readonly unit?: string;
}

interface TaskRef {
  readonly planId: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
}

export interface UnansweredAssignment extends TaskRef {
  readonly unit: string;
  readonly role: AssignmentRole;
  readonly scope: 'task' | 'target';
  readonly isGroup: boolean;
  readonly acknowledgement: Extract<AckState, 'pending' | 'reopened'>;
  readonly owedSince: string;
  readonly days: number;
}

export interface UnreportedTarget extends TaskRef {
  readonly targetId: string;
  readonly leads: readonly string[];
  /** Absent when nothing was ever reported; the days then count from the target's registration. */
  readonly lastReportedAt?: string;
  readonly days: number;
}

export interface RepeatedlyMovedDeadline extends TaskRef {
  readonly targetId: string;
  readonly moves: number;
  readonly originalDueDate: string;
  readonly dueDate: string;
}

export interface AttentionList {
  readonly now: string;
  readonly parameters: {
    readonly unackDays: number;
    readonly noReportDays: number;
    readonly lateFrom: string;
  };
  readonly unacknowledged: readonly UnansweredAssignment[];
  readonly noRecentReport: readonly UnreportedTarget[];
  readonly deadlineMovedRepeatedly: readonly RepeatedlyMovedDeadline[];
  readonly loweredLate: readonly TargetChange[];
}

const { items, obligations, reports } = OBLIGATION_TABLES;
const CURRENT = (alias: string) => `${alias}.valid_from <= @now AND ${alias}.valid_to > @now`;

/**
 * What a supervisor should look at now: answers overdue, targets nobody reports on, deadlines
 * moved again and again, targets lowered late in the year. Reads the obligations and the
 * target-changes read models.
 */
export function attention(db: Database.Database, options: AttentionOptions): AttentionList {
  const now = asOfInstant(options.now);
  const nowMs = Date.parse(now);
  const unackDays = options.unackDays ?? 7;
  const noReportDays = options.noReportDays ?? 30;
  const lateFrom = options.lateFrom ?? '10-01';
  const filters = {
    ...(options.planId !== undefined ? { planId: options.planId } : {}),
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
  };
  const planFilter = options.planId !== undefined ? 'AND i.plan_id = @planId' : '';
  const unitOwes =
    options.unit !== undefined
      ? `AND EXISTS (SELECT 1 FROM ${obligations} u WHERE u.item_id = i.item_id AND u.unit = @unit AND ${CURRENT('u')})`
      : '';
  const days = (since: string) => Math.floor(daysBetween(Date.parse(since), nowMs));

  const unanswered = prepared<
    [object],
    {
      unit: string;
      role: AssignmentRole;
      scope: 'task' | 'target';
      is_group: number;
      ack_state: 'pending' | 'reopened';
      owed_since: string;
      plan_id: string;
      task_id: string;
      task_no: number;
      task_title: string;
      target_id: string | null;
      metric: string | null;
    }
  >(
    db,
    `SELECT o.unit, o.role, o.scope, o.is_group, o.ack_state, min(o.owed_since) AS owed_since, i.plan_id, i.task_id, i.task_no, i.task_title,
              CASE o.scope WHEN 'target' THEN i.target_id END AS target_id, CASE o.scope WHEN 'target' THEN i.metric END AS metric
       FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id AND ${CURRENT('i')}
       WHERE ${CURRENT('o')} AND o.ack_state IN ('pending', 'reopened') AND o.owed_since <= @owedBefore ${planFilter}
         ${options.unit !== undefined ? 'AND o.unit = @unit' : ''}
       GROUP BY o.unit, o.role, o.scope, i.task_id, CASE o.scope WHEN 'target' THEN i.target_id END
       ORDER BY owed_since, i.task_id, o.unit`,
  )
    .all({ now, owedBefore: new Date(addDays(nowMs, -unackDays)).toISOString(), ...filters })
    .map((r) => ({
      ...taskRef(r),
      unit: r.unit,
      role: r.role,
      scope: r.scope,
      isGroup: r.is_group === 1,
      acknowledgement: r.ack_state,
      owedSince: r.owed_since,
      days: days(r.owed_since),
    }));

  const reportedBefore = new Date(addDays(nowMs, -noReportDays)).toISOString();
  const unreported = prepared<
    [object],
    {
      plan_id: string;
      task_id: string;
      task_no: number;
      task_title: string;
      target_id: string;
      metric: string;
      registered_at: string;
      last_report: string | null;
      leads: string;
    }
  >(
    db,
    // The last report is looked up once per candidate (materialised), the leads only for the
    // targets that made the cut: at 2,000 plans that is a fraction of the ~80,000 candidates.
    `WITH candidates AS MATERIALIZED (
         SELECT i.item_id, i.plan_id, i.task_id, i.task_no, i.task_title, i.target_id, i.metric, i.registered_at,
           (SELECT max(r.recorded_at) FROM ${reports} r WHERE r.target_id = i.target_id AND r.recorded_at <= @now) AS last_report
         FROM ${items} i
         WHERE ${CURRENT('i')} AND i.target_id IS NOT NULL AND i.completion <> 'verified' ${planFilter} ${unitOwes})
       SELECT c.plan_id, c.task_id, c.task_no, c.task_title, c.target_id, c.metric, c.registered_at, c.last_report,
         (SELECT json_group_array(o.unit) FROM ${obligations} o WHERE o.item_id = c.item_id AND o.role = 'lead' AND ${CURRENT('o')}) AS leads
       FROM candidates c
       WHERE coalesce(c.last_report, c.registered_at) <= @reportedBefore
       ORDER BY coalesce(c.last_report, c.registered_at), c.task_id, c.target_id`,
  )
    .all({ now, reportedBefore, ...filters })
    .map((r) => ({
      ...taskRef(r),
      targetId: r.target_id,
      leads: JSON.parse(r.leads) as string[],
      ...(r.last_report !== null ? { lastReportedAt: r.last_report } : {}),
      days: days(r.last_report ?? r.registered_at),
    }));

  const moved = prepared<
    [object],
    {
      plan_id: string;
      task_id: string;
      task_no: number;
      task_title: string;
      target_id: string;
      metric: string;
      deadline_moves: number;
      orig_due_date: string;
      due_date: string;
    }
  >(
    db,
    `SELECT i.plan_id, i.task_id, i.task_no, i.task_title, i.target_id, i.metric, i.deadline_moves, i.orig_due_date, i.due_date
       FROM ${items} i WHERE ${CURRENT('i')} AND i.deadline_moves > 1 ${planFilter} ${unitOwes}
       ORDER BY i.deadline_moves DESC, i.task_id, i.target_id`,
  )
    .all({ now, ...filters })
    .map((r) => ({
      ...taskRef(r),
      targetId: r.target_id,
      moves: r.deadline_moves,
      originalDueDate: r.orig_due_date,
      dueDate: r.due_date,
    }));

  const { changes, units } = TARGET_CHANGE_TABLES;
  const loweredLate = prepared<[object], TargetChangeRow>(
    db,
    `SELECT c.* FROM ${changes} c
       WHERE c.kind = 'lowered' AND c.recorded_at <= @now
         AND date(c.occurred_at, '${CHINA_OFFSET_MINUTES} minutes') >= printf('%04d-%s', c.plan_year, @lateFrom)
         ${options.planId !== undefined ? 'AND c.plan_id = @planId' : ''}
         ${options.unit !== undefined ? `AND c.seq IN (SELECT seq FROM ${units} WHERE unit = @unit)` : ''}
       ORDER BY c.seq`,
  )
    .all({ now, lateFrom, ...filters })
    .map(toTargetChange);

  return {
    now,
    parameters: { unackDays, noReportDays, lateFrom },
    unacknowledged: unanswered,
    noRecentReport: unreported,
    deadlineMovedRepeatedly: moved,
    loweredLate,
  };
}

function taskRef(r: {
  plan_id: string;
  task_id: string;
  task_no: number;
  task_title: string;
  target_id?: string | null;
  metric?: string | null;
}): TaskRef {
  return {
    planId: r.plan_id,
    taskId: r.task_id,
    taskNo: r.task_no,
    taskTitle: r.task_title,
    ...(r.target_id ? { targetId: r.target_id } : {}),
    ...(r.metric ? { metric: r.metric } : {}),
  };
}
