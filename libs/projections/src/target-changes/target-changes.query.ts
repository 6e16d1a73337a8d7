import type Database from 'better-sqlite3';
import type { Actor } from '@duty-ledger/domain';
import { rangeBound, asOfInstant } from '../shared/time';
import type { TargetChangeKind } from './change-kind';
import { TARGET_CHANGE_TABLES } from './target-changes.schema';
import { prepared } from '../shared/statement-cache';
import { readPage, type AttentionPage, type CountedRow } from '../attention/attention-page';
import { pageBounds, type PageRequest } from '../obligations/page';

export interface TargetChangeFilter {
  /** Only what was recorded up to this instant. */
  readonly asOf: string | Date;
  /** When the change took effect (occurredAt), inclusive; a calendar day means all of it (China time). */
  readonly from?: string;
  readonly to?: string;
  /** A unit owing the target before or after the change, or the unit that proposed it. */
  readonly unit?: string;
  readonly kind?: TargetChangeKind;
  readonly planId?: string;
}

export interface TargetChange {
  readonly kind: TargetChangeKind;
  readonly eventType: string;
  readonly planId: string;
  readonly planYear: number;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
  /**
   * Values by kind: lowered/raised/redefined `{ value, comparator, unit }`; deadline-moved a
   * YYYY-MM-DD; owner-changed `{ leads, supporting }`. `original` is as the plan issued it.
   */
  readonly original: unknown;
  readonly previous: unknown;
  readonly next: unknown;
  readonly proposedBy?: { readonly id: string; readonly unit?: string };
  readonly approvedBy?: { readonly id: string };
  /** Who recorded the change. */
  readonly actor?: Actor;
  readonly reason?: string;
  readonly reference?: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: string;
}

export interface TargetChangeRow {
  kind: TargetChangeKind;
  event_type: string;
  plan_id: string;
  plan_year: number;
  task_id: string;
  task_no: number;
  task_title: string;
  target_id: string | null;
  metric: string | null;
  original: string;
  previous: string;
  next: string;
  proposed_by: string | null;
  proposed_by_unit: string | null;
  approved_by: string | null;
  actor: string | null;
  reason: string | null;
  reference: string | null;
  occurred_at: string;
  recorded_at: string;
  position: string;
}

const { changes, units } = TARGET_CHANGE_TABLES;

/** The audit feed of changes to targets, deadlines and owners, in log order, as recorded up to `asOf`. */
export function targetChanges(db: Database.Database, filter: TargetChangeFilter): TargetChange[] {
  const { sql, params } = feedQuery(filter);
  return prepared<[object], TargetChangeRow>(db, sql).all(params).map(toTargetChange);
}

/** A page of the feed (limit default 50, at most 1000), with the size of the whole feed. */
export function targetChangesPage(
  db: Database.Database,
  filter: TargetChangeFilter,
  page: PageRequest,
): AttentionPage<TargetChange> {
  const { sql, params } = feedQuery(filter, 'count(*) OVER () AS total,');
  return readPage(
    prepared<[object], TargetChangeRow & CountedRow>(db, `${sql} LIMIT @limit OFFSET @offset`),
    params,
    pageBounds(page),
    toTargetChange,
  );
}

function feedQuery(filter: TargetChangeFilter, extraColumns = '') {
  const params = {
    asOf: asOfInstant(filter.asOf),
    ...(filter.from !== undefined ? { from: rangeBound(filter.from, 'from') } : {}),
    ...(filter.to !== undefined ? { to: rangeBound(filter.to, 'to') } : {}),
    ...(filter.unit !== undefined ? { unit: filter.unit } : {}),
    ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
    ...(filter.planId !== undefined ? { planId: filter.planId } : {}),
  };
  const where = [
    'c.recorded_at <= @asOf',
    'from' in params ? 'c.occurred_at >= @from' : '',
    'to' in params ? 'c.occurred_at <= @to' : '',
    'kind' in params ? 'c.kind = @kind' : '',
    'planId' in params ? 'c.plan_id = @planId' : '',
    'unit' in params ? `c.seq IN (SELECT seq FROM ${units} WHERE unit = @unit)` : '',
  ].filter(Boolean);
  return {
    sql: `SELECT ${extraColumns} c.* FROM ${changes} c WHERE ${where.join(' AND ')} ORDER BY c.seq`,
    params,
  };
}

export function toTargetChange(row: TargetChangeRow): TargetChange {
  return {
    kind: row.kind,
    eventType: row.event_type,
    planId: row.plan_id,
    planYear: row.plan_year,
    taskId: row.task_id,
    taskNo: row.task_no,
    taskTitle: row.task_title,
    ...(row.target_id !== null ? { targetId: row.target_id } : {}),
    ...(row.metric !== null ? { metric: row.metric } : {}),
    original: JSON.parse(row.original),
    previous: JSON.parse(row.previous),
    next: JSON.parse(row.next),
    ...(row.proposed_by !== null
      ? {
          proposedBy: {
            id: row.proposed_by,
            ...(row.proposed_by_unit !== null ? { unit: row.proposed_by_unit } : {}),
          },
        }
      : {}),
    ...(row.approved_by !== null ? { approvedBy: { id: row.approved_by } } : {}),
    ...(row.actor !== null ? { actor: JSON.parse(row.actor) as Actor } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.reference !== null ? { reference: row.reference } : {}),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    position: row.position,
  };
}
