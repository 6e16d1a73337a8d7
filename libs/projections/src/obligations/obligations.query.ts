import type Database from 'better-sqlite3';
import type { AssignmentRole, Comparator, MeasureKind, TargetKind } from '@duty-ledger/domain';
import { assessStatus, type StatusAssessment, type StatusInput } from '../status/status-light';
import { DEFAULT_RULE_SET } from '../status/rule-set';
import type { AckState, CompletionStatus, TargetValue } from '../shared/task-view';
import { asOfInstant } from '../shared/time';
import type { AsOfOptions } from '../shared/as-of';
import { OBLIGATION_TABLES } from './obligations.schema';

export interface LatestReport {
  readonly value: number;
  /** The day the value was measured at. */
  readonly asOf: string;
  readonly recordedAt: string;
  readonly unit: string;
}

/** What a unit owes, as it stood at `asOf`. */
export interface Obligation {
  readonly unit: string;
  readonly role: AssignmentRole;
  /** Whether the assignment was made on the whole task or on the target alone. */
  readonly scope: 'task' | 'target';
  readonly viaGroup?: string;
  /** The unit is a collective placeholder (各相关单位) still to be named. */
  readonly isGroup: boolean;
  readonly planId: string;
  readonly planTitle?: string;
  readonly sectionNo: string;
  readonly sectionTitle: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  /** Absent for a task without quantified targets. */
  readonly targetId?: string;
  readonly metric?: string;
  readonly kind?: TargetKind;
  readonly measure?: MeasureKind;
  readonly baseline?: number;
  readonly dueDate: string;
  readonly originalDueDate: string;
  readonly target?: TargetValue;
  readonly originalTarget?: TargetValue;
  readonly latestReport?: LatestReport;
  readonly acknowledgement: {
    readonly state: AckState;
    /** The terms version last acknowledged (kept when reopened). */
    readonly version?: number;
    readonly answeredAt?: string;
    /** Since when an answer is owed (pending or reopened). */
    readonly owedSince?: string;
    readonly assignedAt: string;
  };
  readonly completion: CompletionStatus;
  readonly leadAcknowledged: boolean;
  readonly deadlineMoves: number;
  readonly status: StatusAssessment;
}

export interface ObligationFilter extends AsOfOptions {
  readonly unit?: string;
  /** A light of the rule set. */
  readonly status?: string;
  /** YYYY-MM-DD: due strictly before this day. */
  readonly dueBefore?: string;
  readonly planId?: string;
}

export interface ObligationPageRequest extends ObligationFilter {
  /** Default 50, at most 1000. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface ObligationPage {
  readonly asOf: string;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** Pass as `offset` for the next page; null on the last one. */
  readonly nextOffset: number | null;
  readonly items: readonly Obligation[];
}

/** One joined row: an obligation with its item and the latest report as of the instant. */
export interface ObligationRow {
  unit: string;
  role: AssignmentRole;
  scope: 'task' | 'target';
  via_group: string | null;
  is_group: number;
  ack_state: AckState;
  ack_version: number | null;
  assigned_at: string;
  answered_at: string | null;
  owed_since: string | null;
  item_id: string;
  plan_id: string;
  plan_title: string | null;
  plan_year: number | null;
  task_id: string;
  task_no: number;
  task_title: string;
  section_no: string;
  section_title: string;
  target_id: string | null;
  metric: string | null;
  kind: TargetKind | null;
  measure: MeasureKind | null;
  baseline: number | null;
  value: number | null;
  comparator: Comparator | null;
  target_unit: string | null;
  due_date: string;
  orig_value: number | null;
  orig_comparator: Comparator | null;
  orig_unit: string | null;
  orig_due_date: string;
  completion: CompletionStatus;
  lead_acknowledged: number;
  deadline_moves: number;
  latest_report: string | null;
}

const { items, obligations: obligationTable, plans, reports } = OBLIGATION_TABLES;

/**
 * The latest report of a target recorded up to @asOf: by measurement day, then recording order.
 * Walks the target's reports from the latest back to the first recorded by then, which is the
 * first one unless asOf lies before later reports.
 */
export const LATEST_REPORT_SQL = `(SELECT json_object('value', r.value, 'asOf', r.as_of_date, 'recordedAt', r.recorded_at, 'unit', r.unit)
   FROM ${reports} r INDEXED BY ${reports}_latest WHERE r.target_id = i.target_id AND r.recorded_at <= @asOf
   ORDER BY r.as_of_date DESC, r.seq DESC LIMIT 1)`;

/** The version of item i valid at @asOf. */
export const ITEM_VALID_SQL = `i.valid_from <= @asOf AND i.valid_to > @asOf`;

function whereClause(filter: ObligationFilter): string {
  return [
    `o.valid_from <= @asOf AND o.valid_to > @asOf`,
    filter.unit !== undefined ? 'o.unit = @unit' : '',
    filter.planId !== undefined ? 'i.plan_id = @planId' : '',
    filter.dueBefore !== undefined ? 'i.due_date < @dueBefore' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

const FROM_SQL = `FROM ${obligationTable} o JOIN ${items} i ON i.item_id = o.item_id AND ${ITEM_VALID_SQL} LEFT JOIN ${plans} p ON p.plan_id = i.plan_id`;

function params(filter: ObligationFilter, asOf: string) {
  return {
    asOf,
    ...(filter.unit !== undefined ? { unit: filter.unit } : {}),
    ...(filter.planId !== undefined ? { planId: filter.planId } : {}),
    ...(filter.dueBefore !== undefined ? { dueBefore: filter.dueBefore } : {}),
  };
}

function selectSql(filter: ObligationFilter, page = ''): string {
  return `SELECT o.unit, o.role, o.scope, o.via_group, o.is_group, o.ack_state, o.ack_version, o.assigned_at, o.answered_at, o.owed_since,
      i.item_id, i.plan_id, p.title AS plan_title, p.year AS plan_year, i.task_id, i.task_no, i.task_title, i.section_no, i.section_title,
      i.target_id, i.metric, i.kind, i.measure, i.baseline, i.value, i.comparator, i.unit AS target_unit, i.due_date,
      i.orig_value, i.orig_comparator, i.orig_unit, i.orig_due_date, i.completion, i.lead_acknowledged, i.deadline_moves,
      ${LATEST_REPORT_SQL} AS latest_report
    ${FROM_SQL} WHERE ${whereClause(filter)}
    ORDER BY i.due_date, i.plan_id, i.task_no, i.item_id, o.role, o.unit ${page}`;
}

/** The inputs of a status light for an item row (shared with the dashboard). */
export function statusInputOf(row: {
  due_date: string;
  plan_year: number | null;
  value: number | null;
  comparator: Comparator | null;
  orig_value: number | null;
  orig_comparator: Comparator | null;
  kind: TargetKind | null;
  baseline: number | null;
  completion: CompletionStatus;
  lead_acknowledged: number;
  latest_report: string | null;
}): StatusInput {
  const latest = row.latest_report ? (JSON.parse(row.latest_report) as LatestReport) : undefined;
  const quantified = row.value !== null && row.comparator !== null;
  return {
    dueDate: row.due_date,
    planYear: row.plan_year ?? Number(row.due_date.slice(0, 4)),
    ...(quantified
      ? { current: { value: row.value as number, comparator: row.comparator as Comparator } }
      : {}),
    ...(quantified && row.orig_value !== null && row.orig_comparator !== null
      ? { original: { value: row.orig_value, comparator: row.orig_comparator } }
      : {}),
    ...(row.kind !== null ? { kind: row.kind } : {}),
    ...(row.baseline !== null ? { baseline: row.baseline } : {}),
    ...(latest ? { latestValue: latest.value } : {}),
    completion: row.completion,
    leadAcknowledged: row.lead_acknowledged === 1,
  };
}

const optional = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function toObligation(row: ObligationRow, status: StatusAssessment): Obligation {
  const targetValue = (
    value: number | null,
    comparator: Comparator | null,
    unit: string | null,
  ): TargetValue | undefined =>
    value === null || comparator === null ? undefined : { value, comparator, unit: unit ?? '' };
  return {
    unit: row.unit,
    role: row.role,
    scope: row.scope,
    ...optional('viaGroup', row.via_group),
    isGroup: row.is_group === 1,
    planId: row.plan_id,
    ...optional('planTitle', row.plan_title),
    sectionNo: row.section_no,
    sectionTitle: row.section_title,
    taskId: row.task_id,
    taskNo: row.task_no,
    taskTitle: row.task_title,
    ...optional('targetId', row.target_id),
    ...optional('metric', row.metric),
    ...optional('kind', row.kind),
    ...optional('measure', row.measure),
    ...optional('baseline', row.baseline),
    dueDate: row.due_date,
    originalDueDate: row.orig_due_date,
    ...optional('target', targetValue(row.value, row.comparator, row.target_unit)),
    ...optional('originalTarget', targetValue(row.orig_value, row.orig_comparator, row.orig_unit)),
    ...optional(
      'latestReport',
      row.latest_report ? (JSON.parse(row.latest_report) as LatestReport) : undefined,
    ),
    acknowledgement: {
      state: row.ack_state,
      ...optional('version', row.ack_version),
      ...optional('answeredAt', row.answered_at),
      ...optional('owedSince', row.owed_since),
      assignedAt: row.assigned_at,
    },
    completion: row.completion,
    leadAcknowledged: row.lead_acknowledged === 1,
    deadlineMoves: row.deadline_moves,
    status,
  };
}

function* assessedRows(
  db: Database.Database,
  filter: ObligationFilter,
  asOf: string,
  page = '',
  pageParams = {},
) {
  const now = new Date(asOf);
  const ruleSet = filter.ruleSet ?? DEFAULT_RULE_SET;
  const rows = db
    .prepare<object, ObligationRow>(selectSql(filter, page))
    .iterate({ ...params(filter, asOf), ...pageParams });
  for (const row of rows) {
    const status = assessStatus(statusInputOf(row), now, ruleSet);
    if (filter.status === undefined || status.light === filter.status)
      yield toObligation(row, status);
  }
}

/** Every obligation matching the filter as of an instant, by due date (for exports). */
export function listObligations(db: Database.Database, filter: ObligationFilter): Obligation[] {
  return [...assessedRows(db, filter, asOfInstant(filter.asOf))];
}

/** Everything one unit owes as of an instant, by due date; optionally only one light. */
export function unitObligations(
  db: Database.Database,
  unit: string,
  options: AsOfOptions & { status?: string },
): Obligation[] {
  return listObligations(db, { ...options, unit });
}

/** Obligations across units as of an instant, by due date, one page at a time. */
export function obligations(db: Database.Database, request: ObligationPageRequest): ObligationPage {
  const asOf = asOfInstant(request.asOf);
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 1000);
  const offset = Math.max(request.offset ?? 0, 0);
  let total: number;
  let page: Obligation[];
  if (request.status === undefined) {
    // Without a light to filter on, SQL pages and counts by itself.
    total =
      db
        .prepare<object, { n: number }>(
          `SELECT count(*) AS n ${FROM_SQL} WHERE ${whereClause(request)}`,
        )
        .get(params(request, asOf))?.n ?? 0;
    page = [...assessedRows(db, request, asOf, 'LIMIT @limit OFFSET @offset', { limit, offset })];
  } else {
    // Lights exist only at query time: assess every candidate, keep the page.
    total = 0;
    page = [];
    for (const obligation of assessedRows(db, request, asOf)) {
      if (total >= offset && page.length < limit) page.push(obligation);
      total += 1;
    }
  }
  return {
    asOf,
    total,
    offset,
    limit,
    nextOffset: offset + page.length < total ? offset + page.length : null,
    items: page,
  };
}
