import { TARGET_CHANGE_TABLES } from '../target-changes/target-changes.schema';
import {
  toTargetChange,
  type TargetChange,
  type TargetChangeRow,
} from '../target-changes/target-changes.query';
import { CHINA_OFFSET_MINUTES } from '../shared/time';
import { prepared } from '../shared/statement-cache';
import { readPage, type AttentionPage, type CountedRow } from './attention-page';
import { filterParams, type ListScope } from './list-scope';

const { changes, units } = TARGET_CHANGE_TABLES;

/**
 * Targets lowered on or after `lateFrom` (MM-DD, China time) of their plan year, latest first:
 * the lowering a supervisor has not seen yet heads the first page, wherever the list has grown to.
 */
export function loweredLate(scope: ListScope, lateFrom: string): AttentionPage<TargetChange> {
  const sql = `SELECT c.*, count(*) OVER () AS total FROM ${changes} c
       WHERE c.kind = 'lowered' AND c.recorded_at <= @now
         AND date(c.occurred_at, '${CHINA_OFFSET_MINUTES} minutes') >= printf('%04d-%s', c.plan_year, @lateFrom)
         ${scope.planId !== undefined ? 'AND c.plan_id = @planId' : ''}
         ${scope.unit !== undefined ? `AND c.seq IN (SELECT seq FROM ${units} WHERE unit = @unit)` : ''}
       ORDER BY c.seq DESC
       LIMIT @limit OFFSET @offset`;
  const params = { now: scope.now, lateFrom, ...filterParams(scope) };
  return readPage(
    prepared<[object], TargetChangeRow & CountedRow>(scope.db, sql),
    params,
    scope.page,
    toTargetChange,
  );
}
