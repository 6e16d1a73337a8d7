import type Database from 'better-sqlite3';
import { asOfInstant } from '../shared/time';
import { prepared } from '../shared/statement-cache';
import { readPage, type AttentionPage, type CountedRow } from '../attention/attention-page';
import { pageBounds, type PageRequest } from '../obligations/page';
import { APPROVAL_TABLES } from './approvals.schema';
import type { ApprovalKind } from './pending-requests';

export interface ApprovalFilter extends PageRequest {
  readonly asOf: string | Date;
  readonly kind?: ApprovalKind;
  readonly planId?: string;
  /** The unit that asked (or declined). */
  readonly unit?: string;
  /** Only what has waited longer than this many days. */
  readonly waitingDays?: number;
  /** Only these kinds. */
  readonly kinds?: readonly ApprovalKind[];
}

interface TermsShown {
  readonly value?: number;
  readonly comparator?: string;
  readonly unit?: string;
  readonly dueDate?: string;
}

export interface PendingApproval {
  readonly kind: ApprovalKind;
  readonly planId: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
  /** revisionId, extensionId, or the id of the claim's or the decline's event. */
  readonly requestId: string;
  readonly unit?: string;
  readonly requestedBy: { readonly id: string; readonly name?: string };
  readonly requestedAt: string;
  readonly waitingDays: number;
  readonly reason?: string;
  readonly proposed?: TermsShown;
  readonly current?: TermsShown;
  readonly requestedDueDate?: string;
}

interface RequestRow extends CountedRow {
  kind: ApprovalKind;
  request_id: string;
  plan_id: string;
  task_id: string;
  task_no: number;
  task_title: string;
  target_id: string | null;
  metric: string | null;
  unit: string | null;
  requested_by: string;
  requested_by_name: string | null;
  requested_at: string;
  reason: string | null;
  proposed: string | null;
  current: string | null;
  requested_due_date: string | null;
}

const DAY_MS = 86_400_000;

/** What waits for a decision as of `asOf`, longest waiting first, a page at a time. */
export function pendingApprovals(
  db: Database.Database,
  filter: ApprovalFilter,
): AttentionPage<PendingApproval> {
  const asOf = asOfInstant(filter.asOf);
  const asOfMs = Date.parse(asOf);
  const params = {
    asOf,
    ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
    ...(filter.kinds !== undefined ? { kinds: JSON.stringify(filter.kinds) } : {}),
    ...(filter.planId !== undefined ? { planId: filter.planId } : {}),
    ...(filter.unit !== undefined ? { unit: filter.unit } : {}),
    ...(filter.waitingDays !== undefined
      ? { waitedSince: new Date(asOfMs - filter.waitingDays * DAY_MS).toISOString() }
      : {}),
  };
  const where = [
    'r.valid_from <= @asOf AND r.valid_to > @asOf',
    'kind' in params ? 'r.kind = @kind' : '',
    'kinds' in params ? 'r.kind IN (SELECT value FROM json_each(@kinds))' : '',
    'planId' in params ? 'r.plan_id = @planId' : '',
    'unit' in params ? 'r.unit = @unit' : '',
    'waitedSince' in params ? 'r.requested_at < @waitedSince' : '',
  ].filter(Boolean);
  const sql = `SELECT count(*) OVER () AS total, r.* FROM ${APPROVAL_TABLES.requests} r
    WHERE ${where.join(' AND ')} ORDER BY r.requested_at, r.task_id, r.request_key
    LIMIT @limit OFFSET @offset`;
  return readPage(
    prepared<[object], RequestRow>(db, sql),
    params,
    pageBounds(filter),
    (row): PendingApproval => ({
      kind: row.kind,
      planId: row.plan_id,
      taskId: row.task_id,
      taskNo: row.task_no,
      taskTitle: row.task_title,
      ...(row.target_id !== null ? { targetId: row.target_id } : {}),
      ...(row.metric !== null ? { metric: row.metric } : {}),
      requestId: row.request_id,
      ...(row.unit !== null ? { unit: row.unit } : {}),
      requestedBy: {
        id: row.requested_by,
        ...(row.requested_by_name !== null ? { name: row.requested_by_name } : {}),
      },
      requestedAt: row.requested_at,
      waitingDays: Math.floor((asOfMs - Date.parse(row.requested_at)) / DAY_MS),
      ...(row.reason !== null ? { reason: row.reason } : {}),
      ...(row.proposed !== null ? { proposed: JSON.parse(row.proposed) as TermsShown } : {}),
      ...(row.current !== null ? { current: JSON.parse(row.current) as TermsShown } : {}),
      ...(row.requested_due_date !== null ? { requestedDueDate: row.requested_due_date } : {}),
    }),
  );
}
