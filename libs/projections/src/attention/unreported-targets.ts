import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { addDays } from '../shared/time';
import { prepared } from '../shared/statement-cache';
import { readPage, type AttentionPage, type CountedRow } from './attention-page';
import {
  CURRENT,
  daysSince,
  filterParams,
  taskRef,
  type ListScope,
  type TaskRef,
} from './list-scope';

export interface UnreportedTarget extends TaskRef {
  readonly targetId: string;
  readonly leads: readonly string[];
  /** Absent when nothing was ever reported; the days then count from the target's registration. */
  readonly lastReportedAt?: string;
  readonly days: number;
}

interface Row extends CountedRow {
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

const { items, obligations, reports } = OBLIGATION_TABLES;

/**
 * Open targets nobody has reported on for more than `noReportDays`, longest silent first. The
 * last report is looked up once per candidate (materialised); the leads only for the page's
 * targets: at 2,000 plans the candidates are ~80,000, the silent ones ~30,000, a page 50.
 */
export function unreportedTargets(
  scope: ListScope,
  noReportDays: number,
): AttentionPage<UnreportedTarget> {
  const unitOwes =
    scope.unit !== undefined
      ? `AND EXISTS (SELECT 1 FROM ${obligations} u WHERE u.item_id = i.item_id AND u.unit = @unit AND ${CURRENT('u')})`
      : '';
  const sql = `WITH candidates AS MATERIALIZED (
         SELECT i.item_id, i.plan_id, i.task_id, i.task_no, i.task_title, i.target_id, i.metric, i.registered_at,
           (SELECT max(r.recorded_at) FROM ${reports} r WHERE r.target_id = i.target_id AND r.recorded_at <= @now) AS last_report
         FROM ${items} i
         WHERE ${CURRENT('i')} AND i.target_id IS NOT NULL AND i.completion <> 'verified'
           ${scope.planId !== undefined ? 'AND i.plan_id = @planId' : ''} ${unitOwes}),
       page AS MATERIALIZED (
         SELECT c.*, coalesce(c.last_report, c.registered_at) AS silent_since, count(*) OVER () AS total
         FROM candidates c
         WHERE coalesce(c.last_report, c.registered_at) <= @reportedBefore
         ORDER BY silent_since, c.task_id, c.target_id
         LIMIT @limit OFFSET @offset)
       SELECT p.plan_id, p.task_id, p.task_no, p.task_title, p.target_id, p.metric, p.registered_at, p.last_report, p.total,
         (SELECT json_group_array(o.unit) FROM ${obligations} o WHERE o.item_id = p.item_id AND o.role = 'lead' AND ${CURRENT('o')}) AS leads
       FROM page p
       ORDER BY p.silent_since, p.task_id, p.target_id`;
  const params = {
    now: scope.now,
    reportedBefore: new Date(addDays(scope.nowMs, -noReportDays)).toISOString(),
    ...filterParams(scope),
  };
  return readPage(prepared<[object], Row>(scope.db, sql), params, scope.page, (r) => ({
    ...taskRef(r),
    targetId: r.target_id,
    leads: JSON.parse(r.leads) as string[],
    ...(r.last_report !== null ? { lastReportedAt: r.last_report } : {}),
    days: daysSince(scope, r.last_report ?? r.registered_at),
  }));
}
