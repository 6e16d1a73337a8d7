import type Database from 'better-sqlite3';
import type { Actor } from '@duty-ledger/domain';
import { assessStatusAt, type StatusAssessment } from '../status/status-light';
import { DEFAULT_RULE_SET } from '../status/rule-set';
import { asOfInstant } from '../shared/time';
import type { AsOfOptions } from '../shared/as-of';
import { prepared } from '../shared/statement-cache';
import type { Progress, ProgressRule } from '../shared/progress';
import { reportSummary } from './target-reports.query';
import { TARGET_TABLES } from './targets.schema';
import type { FieldChange, TargetSnapshot } from './target-state';

export interface TargetReport {
  readonly milestoneId: string;
  readonly unit: string;
  readonly value: number;
  readonly asOf: string;
  readonly recordedAt: string;
  readonly note?: string;
  readonly evidence: readonly string[];
}

export interface TargetDetails extends TargetSnapshot {
  readonly asOf: string;
  readonly planTitle?: string;
  readonly planYear?: number;
  readonly latestReport?: TargetReport;
  readonly reportCount: number;
  /**
   * The figure the light is scored on: the lead units' latest figures (corrections applied) by
   * the target's rule — summed for counts and money, the latest for levels and ratios.
   */
  readonly progress?: Progress & { readonly rule: ProgressRule };
  readonly status: StatusAssessment;
}

export interface TargetHistoryEntry {
  readonly type: string;
  readonly actor?: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: string;
  readonly reason?: string;
  readonly reference?: string;
  /**
   * What the event asked for or decided beyond the fields it changed: a proposal's requested terms
   * (`changes`) and `revisionId`, an extension's `requestedDueDate`, a revision's `proposedBy` and
   * `approvedBy` with the `revisionId` of the proposal it carried out, a claim's evidence …
   */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Each tracked field the event changed; empty for acts that changed none (an acknowledgement, a proposal). */
  readonly changes: readonly FieldChange[];
}

const { history, plans, reports } = TARGET_TABLES;

interface ReportRow {
  milestone_id: string;
  unit: string;
  value: number;
  as_of_date: string;
  recorded_at: string;
  note: string | null;
  evidence: string;
}

/** The target's terms and owners as recorded up to `asOf`; undefined if it did not exist then. */
export function targetStateAt(
  db: Database.Database,
  targetId: string,
  asOf: string,
): TargetSnapshot | undefined {
  const row = prepared<[string, string], { state: string }>(
    db,
    `SELECT state FROM ${history} WHERE target_id = ? AND state IS NOT NULL AND recorded_at <= ? ORDER BY seq DESC LIMIT 1`,
  ).get(targetId, asOf);
  return row ? (JSON.parse(row.state) as TargetSnapshot) : undefined;
}

/** A target as recorded up to `asOf`, with its light at that instant; undefined if it did not exist then. */
export function targetDetails(
  db: Database.Database,
  targetId: string,
  options: AsOfOptions,
): TargetDetails | undefined {
  const asOf = asOfInstant(options.asOf);
  const state = targetStateAt(db, targetId, asOf);
  if (!state) return undefined;
  const plan = prepared<[string], { title: string; year: number }>(
    db,
    `SELECT title, year FROM ${plans} WHERE plan_id = ?`,
  ).get(state.planId);
  const latest = prepared<[string, string], ReportRow>(
    db,
    `SELECT * FROM ${reports} INDEXED BY ${reports}_latest WHERE target_id = ? AND recorded_at <= ? ORDER BY as_of_date DESC, seq DESC LIMIT 1`,
  ).get(targetId, asOf);
  const reportCount =
    prepared<[string, string], { n: number }>(
      db,
      `SELECT count(*) AS n FROM ${reports} WHERE target_id = ? AND recorded_at <= ?`,
    ).get(targetId, asOf)?.n ?? 0;
  const { rule, progress } = reportSummary(db, state, asOf);
  const status = assessStatusAt(
    {
      dueDate: state.current.dueDate,
      planYear: plan?.year ?? Number(state.current.dueDate.slice(0, 4)),
      current: state.current,
      original: state.original,
      kind: state.kind,
      ...(state.baseline ? { baseline: state.baseline.value } : {}),
      ...(progress ? { latestValue: progress.value } : {}),
      completion: state.completion,
      leadAcknowledged: state.leadAcknowledged,
    },
    Date.parse(asOf),
    options.ruleSet ?? DEFAULT_RULE_SET,
  );
  return {
    asOf,
    ...state,
    ...(plan ? { planTitle: plan.title, planYear: plan.year } : {}),
    ...(latest ? { latestReport: toReport(latest) } : {}),
    reportCount,
    ...(progress ? { progress: { ...progress, rule } } : {}),
    status,
  };
}

function toReport(row: ReportRow): TargetReport {
  return {
    milestoneId: row.milestone_id,
    unit: row.unit,
    value: row.value,
    asOf: row.as_of_date,
    recordedAt: row.recorded_at,
    ...(row.note !== null ? { note: row.note } : {}),
    evidence: JSON.parse(row.evidence) as string[],
  };
}

interface HistoryRow {
  type: string;
  actor: string | null;
  occurred_at: string;
  recorded_at: string;
  position: string;
  reason: string | null;
  reference: string | null;
  details: string | null;
  changes: string;
}

/** Every event that touched the target, in log order, as recorded up to `asOf`; undefined for an unknown target. */
export function targetHistory(
  db: Database.Database,
  targetId: string,
  options: Pick<AsOfOptions, 'asOf'>,
): TargetHistoryEntry[] | undefined {
  const asOf = asOfInstant(options.asOf);
  const rows = prepared<[string, string], HistoryRow>(
    db,
    `SELECT type, actor, occurred_at, recorded_at, position, reason, reference, details, changes
     FROM ${history} WHERE target_id = ? AND recorded_at <= ? ORDER BY seq`,
  ).all(targetId, asOf);
  if (rows.length === 0) return undefined;
  return rows.map(toHistoryEntry);
}

/** Field by field in the order clients have always received, without spread copies. */
function toHistoryEntry(row: HistoryRow): TargetHistoryEntry {
  const entry = { type: row.type } as {
    -readonly [K in keyof TargetHistoryEntry]: TargetHistoryEntry[K];
  };
  if (row.actor !== null) entry.actor = JSON.parse(row.actor) as Actor;
  entry.occurredAt = row.occurred_at;
  entry.recordedAt = row.recorded_at;
  entry.position = row.position;
  if (row.reason !== null) entry.reason = row.reason;
  if (row.reference !== null) entry.reference = row.reference;
  if (row.details !== null) entry.details = JSON.parse(row.details) as Record<string, unknown>;
  entry.changes = JSON.parse(row.changes) as FieldChange[];
  return entry;
}
