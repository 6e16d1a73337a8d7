import type Database from 'better-sqlite3';
import type { AssignmentRole, Comparator, MeasureKind, TargetKind } from '@duty-ledger/domain';
import {
  assessStatusAt,
  factsAt,
  lightOfMask,
  type StatusAssessment,
} from '../status/status-light';
import { DEFAULT_RULE_SET, type StatusRuleSet } from '../status/rule-set';
import type { AckState, CompletionStatus, TargetValue } from '../shared/task-view';
import { asOfInstant } from '../shared/time';
import type { AsOfOptions } from '../shared/as-of';
import { prepared } from '../shared/statement-cache';
import { OBLIGATION_TABLES } from './obligations.schema';
import { pageBounds, type PageRequest } from './page';
import { itemsWithLight } from './items-with-light';
import { statusInputOf, type ItemStatusRow } from './status-input';

export { statusInputOf, type ItemStatusRow } from './status-input';

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

export interface ObligationPageRequest extends ObligationFilter, PageRequest {}

export interface ObligationPage {
  readonly asOf: string;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** Pass as `offset` for the next page; null on the last one. */
  readonly nextOffset: number | null;
  readonly items: readonly Obligation[];
}

/** The columns of an item a light is computed from (shared with the dashboard). */
/** One joined row: an obligation with its item and the latest report as of the instant. */
export interface ObligationRow extends ItemStatusRow {
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
  task_id: string;
  task_no: number;
  task_title: string;
  section_no: string;
  section_title: string;
  target_id: string | null;
  metric: string | null;
  measure: MeasureKind | null;
  target_unit: string | null;
  orig_unit: string | null;
  orig_due_date: string;
  deadline_moves: number;
  report_as_of: string | null;
  report_recorded_at: string | null;
  report_unit: string | null;
}

const { items, obligations: obligationTable, plans, reports } = OBLIGATION_TABLES;

/**
 * Joins `r`, the latest report of item i's target recorded up to @asOf: by measurement day, then
 * recording order. The subquery walks the target's reports from the latest back to the first
 * recorded by then (the first one unless asOf lies before later reports); the join by rowid gives
 * its columns without building and parsing JSON per row.
 */
export const LATEST_REPORT_JOIN = `LEFT JOIN ${reports} r ON r.seq = (SELECT l.seq FROM ${reports} l INDEXED BY ${reports}_latest
   WHERE l.target_id = i.target_id AND l.recorded_at <= @asOf ORDER BY l.as_of_date DESC, l.seq DESC LIMIT 1)`;

/** The columns of `r` (LATEST_REPORT_JOIN) as ItemStatusRow / ObligationRow name them. */
export const LATEST_REPORT_COLUMNS = `r.value AS report_value, r.as_of_date AS report_as_of, r.recorded_at AS report_recorded_at, r.unit AS report_unit`;

/** The version of item i valid at @asOf. */
export const ITEM_VALID_SQL = `i.valid_from <= @asOf AND i.valid_to > @asOf`;

/** The order obligations are listed in. */
const ORDER_SQL = `ORDER BY i.due_date, i.plan_id, i.task_no, i.item_id, o.role, o.unit`;

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

/** Named parameters of a filter; better-sqlite3 refuses names the statement does not use. */
function params(filter: ObligationFilter, asOf: string): Record<string, string | number> {
  const named: Record<string, string | number> = { asOf };
  if (filter.unit !== undefined) named.unit = filter.unit;
  if (filter.planId !== undefined) named.planId = filter.planId;
  if (filter.dueBefore !== undefined) named.dueBefore = filter.dueBefore;
  return named;
}

const OBLIGATION_COLUMNS = `o.unit, o.role, o.scope, o.via_group, o.is_group, o.ack_state, o.ack_version, o.assigned_at, o.answered_at, o.owed_since,
      i.item_id, i.plan_id, p.title AS plan_title, p.year AS plan_year, i.task_id, i.task_no, i.task_title, i.section_no, i.section_title,
      i.target_id, i.metric, i.kind, i.measure, i.baseline, i.value, i.comparator, i.unit AS target_unit, i.due_date,
      i.orig_value, i.orig_comparator, i.orig_unit, i.orig_due_date, i.completion, i.lead_acknowledged, i.deadline_moves,
      ${LATEST_REPORT_COLUMNS}`;

function selectSql(filter: ObligationFilter, page = ''): string {
  return `SELECT ${OBLIGATION_COLUMNS}
    ${FROM_SQL} ${LATEST_REPORT_JOIN} WHERE ${whereClause(filter)}
    ${ORDER_SQL} ${page}`;
}

const targetValue = (
  value: number | null,
  comparator: Comparator | null,
  unit: string | null,
): TargetValue | undefined =>
  value === null || comparator === null ? undefined : { value, comparator, unit: unit ?? '' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Built field by field in a fixed order rather than through spreads: this runs for every row of a
 * listing, and the key order is what clients have always received.
 */
function toObligation(row: ObligationRow, status: StatusAssessment): Obligation {
  const o = { unit: row.unit, role: row.role, scope: row.scope } as Mutable<Obligation>;
  if (row.via_group !== null) o.viaGroup = row.via_group;
  o.isGroup = row.is_group === 1;
  o.planId = row.plan_id;
  if (row.plan_title !== null) o.planTitle = row.plan_title;
  o.sectionNo = row.section_no;
  o.sectionTitle = row.section_title;
  o.taskId = row.task_id;
  o.taskNo = row.task_no;
  o.taskTitle = row.task_title;
  if (row.target_id !== null) o.targetId = row.target_id;
  if (row.metric !== null) o.metric = row.metric;
  if (row.kind !== null) o.kind = row.kind;
  if (row.measure !== null) o.measure = row.measure;
  if (row.baseline !== null) o.baseline = row.baseline;
  o.dueDate = row.due_date;
  o.originalDueDate = row.orig_due_date;
  const target = targetValue(row.value, row.comparator, row.target_unit);
  if (target) o.target = target;
  const original = targetValue(row.orig_value, row.orig_comparator, row.orig_unit);
  if (original) o.originalTarget = original;
  if (row.report_value !== null)
    o.latestReport = {
      value: row.report_value,
      asOf: row.report_as_of as string,
      recordedAt: row.report_recorded_at as string,
      unit: row.report_unit as string,
    };
  const acknowledgement = { state: row.ack_state } as Mutable<Obligation['acknowledgement']>;
  if (row.ack_version !== null) acknowledgement.version = row.ack_version;
  if (row.answered_at !== null) acknowledgement.answeredAt = row.answered_at;
  if (row.owed_since !== null) acknowledgement.owedSince = row.owed_since;
  acknowledgement.assignedAt = row.assigned_at;
  o.acknowledgement = acknowledgement;
  o.completion = row.completion;
  o.leadAcknowledged = row.lead_acknowledged === 1;
  o.deadlineMoves = row.deadline_moves;
  o.status = status;
  return o;
}

/** Rows assessed at an instant, keeping only one light when asked to. */
function assessed(
  rows: Iterable<ObligationRow>,
  nowMs: number,
  ruleSet: StatusRuleSet,
  light: string | undefined,
): Obligation[] {
  const result: Obligation[] = [];
  for (const row of rows) {
    const status = assessStatusAt(statusInputOf(row), nowMs, ruleSet);
    if (light === undefined || status.light === light) result.push(toObligation(row, status));
  }
  return result;
}

/** Every obligation matching the filter as of an instant, by due date (for exports). */
export function listObligations(db: Database.Database, filter: ObligationFilter): Obligation[] {
  const asOf = asOfInstant(filter.asOf);
  const statement = prepared<[object], ObligationRow>(db, selectSql(filter));
  // Narrow listings are read at once; a listing of every unit is walked row by row.
  const narrow = filter.unit !== undefined || filter.planId !== undefined;
  const bound = params(filter, asOf);
  return assessed(
    narrow ? statement.all(bound) : statement.iterate(bound),
    Date.parse(asOf),
    filter.ruleSet ?? DEFAULT_RULE_SET,
    filter.status,
  );
}

/** Everything one unit owes as of an instant, by due date; optionally only one light. */
export function unitObligations(
  db: Database.Database,
  unit: string,
  options: AsOfOptions & { status?: string },
): Obligation[] {
  return listObligations(db, { ...options, unit });
}

/** The key of one joined row: the rowids of the obligation and of its item version at @asOf. */
type RowKey = [obligation: number, item: number];

const FROM_KEYS_SQL = `FROM json_each(@keys) k JOIN ${obligationTable} o ON o.rowid = k.value ->> 0
  JOIN ${items} i ON i.rowid = k.value ->> 1 LEFT JOIN ${plans} p ON p.plan_id = i.plan_id`;

/**
 * The whole rows of the given keys, in listing order. Reading a row into an object of ~40 columns
 * costs ~10 µs in better-sqlite3, and the latest-report lookup more; so listings choose their
 * rows by key first (see pageKeysSql, lightKeysSql) and read in full only the rows they answer.
 */
function rowsOf(db: Database.Database, keys: readonly RowKey[], asOf: string): ObligationRow[] {
  if (keys.length === 0) return [];
  return prepared<[object], ObligationRow>(
    db,
    `SELECT ${OBLIGATION_COLUMNS} ${FROM_KEYS_SQL} ${LATEST_REPORT_JOIN} ${ORDER_SQL}`,
  ).all({ asOf, keys: JSON.stringify(keys) });
}

/** Keys of one page of the listing: sorted and sliced by SQL on the ordering columns alone. */
function pageKeysSql(filter: ObligationFilter): string {
  return `SELECT o.rowid, i.rowid FROM ${obligationTable} o JOIN ${items} i ON i.item_id = o.item_id AND ${ITEM_VALID_SQL}
    WHERE ${whereClause(filter)} ${ORDER_SQL} LIMIT @limit OFFSET @offset`;
}

/** Raw rows of lightKeysSql: the key, then the columns a light is computed from. */
type LightKeyRow = [
  obligation: number,
  item: number,
  dueDate: string,
  planYear: number | null,
  value: number | null,
  comparator: Comparator | null,
  origValue: number | null,
  origComparator: Comparator | null,
  kind: TargetKind | null,
  baseline: number | null,
  completion: CompletionStatus,
  leadAcknowledged: number,
  reportValue: number | null,
];

/** Every key of the listing in order, with what its light is computed from (raw rows). */
function lightKeysSql(filter: ObligationFilter): string {
  return `SELECT o.rowid, i.rowid, i.due_date, p.year, i.value, i.comparator, i.orig_value, i.orig_comparator,
      i.kind, i.baseline, i.completion, i.lead_acknowledged,
      (SELECT l.value FROM ${reports} l INDEXED BY ${reports}_latest WHERE l.target_id = i.target_id AND l.recorded_at <= @asOf
        ORDER BY l.as_of_date DESC, l.seq DESC LIMIT 1)
    ${FROM_SQL} WHERE ${whereClause(filter)} ${ORDER_SQL}`;
}

/**
 * The keys of a listing whose light is `light`, in order: each light computed by the same code as
 * the answer's (statusInputOf, factsAt), from a narrow raw row rather than a whole one.
 */
function keysWithLight(
  db: Database.Database,
  filter: ObligationFilter,
  asOf: string,
  light: string,
  ruleSet: StatusRuleSet,
): RowKey[] {
  const rows = prepared<[object], LightKeyRow>(db, lightKeysSql(filter))
    .raw(true)
    .all(params(filter, asOf)) as unknown as LightKeyRow[];
  const nowMs = Date.parse(asOf);
  const keys: RowKey[] = [];
  for (const row of rows) {
    const input = statusInputOf({
      due_date: row[2],
      plan_year: row[3],
      value: row[4],
      comparator: row[5],
      orig_value: row[6],
      orig_comparator: row[7],
      kind: row[8],
      baseline: row[9],
      completion: row[10],
      lead_acknowledged: row[11],
      report_value: row[12],
    });
    if (lightOfMask(factsAt(input, nowMs, ruleSet).mask, ruleSet) === light)
      keys.push([row[0], row[1]]);
  }
  return keys;
}

/**
 * A page of obligations across units with one light: the lights are computed per item (see
 * itemsWithLight), the page is located by the items' obligation counts, and only the obligations
 * of the items on the page are read and assessed.
 */
function pageByItemLight(
  db: Database.Database,
  request: ObligationPageRequest,
  asOf: string,
  limit: number,
  offset: number,
): { total: number; page: Obligation[] } {
  const ruleSet = request.ruleSet ?? DEFAULT_RULE_SET;
  const lit = itemsWithLight(db, request, asOf, request.status as string, ruleSet);
  let total = 0;
  let skip = 0;
  const onPage: string[] = [];
  for (const item of lit) {
    const start = total;
    total += item.obligations;
    if (total <= offset || start >= offset + limit) continue;
    if (onPage.length === 0) skip = offset - start;
    onPage.push(item.itemId);
  }
  if (onPage.length === 0) return { total, page: [] };
  const rows = prepared<[object], ObligationRow>(
    db,
    `SELECT ${OBLIGATION_COLUMNS} ${FROM_SQL} ${LATEST_REPORT_JOIN}
     WHERE ${whereClause(request)} AND o.item_id IN (SELECT value FROM json_each(@ids)) ${ORDER_SQL}`,
  ).all({ ...params(request, asOf), ids: JSON.stringify(onPage) });
  const page = assessed(rows, Date.parse(asOf), ruleSet, request.status);
  return { total, page: page.slice(skip, skip + limit) };
}

/** Obligations as of an instant, by due date, one page at a time. */
export function obligations(db: Database.Database, request: ObligationPageRequest): ObligationPage {
  const asOf = asOfInstant(request.asOf);
  const { limit, offset } = pageBounds(request);
  const nowMs = Date.parse(asOf);
  const ruleSet = request.ruleSet ?? DEFAULT_RULE_SET;
  let total: number;
  let page: Obligation[];
  if (request.status === undefined) {
    // Without a light to filter on, SQL counts, sorts and slices on narrow columns by itself.
    const bound = params(request, asOf);
    total =
      prepared<[object], { n: number }>(
        db,
        `SELECT count(*) AS n ${FROM_SQL} WHERE ${whereClause(request)}`,
      ).get(bound)?.n ?? 0;
    const keys =
      offset < total
        ? (prepared<[object], RowKey>(db, pageKeysSql(request))
            .raw(true)
            .all({ ...bound, limit, offset }) as unknown as RowKey[])
        : [];
    page = assessed(rowsOf(db, keys, asOf), nowMs, ruleSet, undefined);
  } else if (request.unit !== undefined) {
    // Lights exist only at query time: light what the unit owes (a few hundred narrow rows), then
    // read in full the page's rows only.
    const matching = keysWithLight(db, request, asOf, request.status, ruleSet);
    total = matching.length;
    page = assessed(
      rowsOf(db, matching.slice(offset, offset + limit), asOf),
      nowMs,
      ruleSet,
      undefined,
    );
  } else {
    ({ total, page } = pageByItemLight(db, request, asOf, limit, offset));
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
