import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { prepared } from '../shared/statement-cache';
import { readPage, type AttentionPage, type CountedRow } from './attention-page';
import { CURRENT, filterParams, taskRef, type ListScope, type TaskRef } from './list-scope';

export interface RepeatedlyMovedDeadline extends TaskRef {
  readonly targetId: string;
  readonly moves: number;
  readonly originalDueDate: string;
  readonly dueDate: string;
}

interface Row extends CountedRow {
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

const { items, obligations } = OBLIGATION_TABLES;

/** Items whose deadline moved more than once, most moved first (item id keeps pages stable). */
export function movedDeadlines(scope: ListScope): AttentionPage<RepeatedlyMovedDeadline> {
  const unitOwes =
    scope.unit !== undefined
      ? `AND EXISTS (SELECT 1 FROM ${obligations} u WHERE u.item_id = i.item_id AND u.unit = @unit AND ${CURRENT('u')})`
      : '';
  const sql = `SELECT i.plan_id, i.task_id, i.task_no, i.task_title, i.target_id, i.metric, i.deadline_moves, i.orig_due_date, i.due_date,
         count(*) OVER () AS total
       FROM ${items} i WHERE ${CURRENT('i')} AND i.deadline_moves > 1
         ${scope.planId !== undefined ? 'AND i.plan_id = @planId' : ''} ${unitOwes}
       ORDER BY i.deadline_moves DESC, i.task_id, i.target_id, i.item_id
       LIMIT @limit OFFSET @offset`;
  const params = { now: scope.now, ...filterParams(scope) };
  return readPage(prepared<[object], Row>(scope.db, sql), params, scope.page, (r) => ({
    ...taskRef(r),
    targetId: r.target_id,
    moves: r.deadline_moves,
    originalDueDate: r.orig_due_date,
    dueDate: r.due_date,
  }));
}
