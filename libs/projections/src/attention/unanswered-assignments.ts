import type { AssignmentRole } from '@duty-ledger/domain';
import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { addDays } from '../shared/time';
import type { AckState } from '../shared/task-view';
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

export interface UnansweredAssignment extends TaskRef {
  readonly unit: string;
  readonly role: AssignmentRole;
  readonly scope: 'task' | 'target';
  readonly isGroup: boolean;
  readonly acknowledgement: Extract<AckState, 'pending' | 'reopened'>;
  readonly owedSince: string;
  readonly days: number;
}

interface Row extends CountedRow {
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

const { items, obligations } = OBLIGATION_TABLES;

/**
 * Assignments owed an answer for more than `unackDays`, once per assignment (a unit owing a task
 * owes each of its items), longest owed first. The rest of the order only makes pages stable:
 * it names every column an assignment is grouped by.
 */
export function unansweredAssignments(
  scope: ListScope,
  unackDays: number,
): AttentionPage<UnansweredAssignment> {
  const sql = `SELECT o.unit, o.role, o.scope, o.is_group, o.ack_state, min(o.owed_since) AS owed_since, i.plan_id, i.task_id, i.task_no, i.task_title,
         CASE o.scope WHEN 'target' THEN i.target_id END AS target_id, CASE o.scope WHEN 'target' THEN i.metric END AS metric,
         count(*) OVER () AS total
       FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id AND ${CURRENT('i')}
       WHERE ${CURRENT('o')} AND o.ack_state IN ('pending', 'reopened') AND o.owed_since <= @owedBefore
         ${scope.planId !== undefined ? 'AND i.plan_id = @planId' : ''}
         ${scope.unit !== undefined ? 'AND o.unit = @unit' : ''}
       GROUP BY o.unit, o.role, o.scope, i.task_id, CASE o.scope WHEN 'target' THEN i.target_id END
       ORDER BY owed_since, i.task_id, o.unit, o.role, o.scope, target_id
       LIMIT @limit OFFSET @offset`;
  const params = {
    now: scope.now,
    owedBefore: new Date(addDays(scope.nowMs, -unackDays)).toISOString(),
    ...filterParams(scope),
  };
  return readPage(prepared<[object], Row>(scope.db, sql), params, scope.page, (r) => ({
    ...taskRef(r),
    unit: r.unit,
    role: r.role,
    scope: r.scope,
    isGroup: r.is_group === 1,
    acknowledgement: r.ack_state,
    owedSince: r.owed_since,
    days: daysSince(scope, r.owed_since),
  }));
}
