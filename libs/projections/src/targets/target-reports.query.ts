import type Database from 'better-sqlite3';
import { prepared } from '../shared/statement-cache';
import {
  latestByUnit,
  progressOf,
  progressRuleFor,
  type Progress,
  type ProgressRule,
  type UnitFigure,
} from '../shared/progress';
import { TARGET_TABLES } from './targets.schema';
import type { TargetOwner, TargetSnapshot } from './target-state';

const { reports } = TARGET_TABLES;

export interface ReportCorrection {
  readonly previousValue: number;
  readonly value: number;
  readonly reason: string;
  readonly correctedBy?: string;
  readonly recordedAt: string;
}

/** A report as filed, with every correction of it recorded by then; `value` is the figure now. */
export interface FiledReport {
  readonly reportId: string;
  readonly unit: string;
  readonly value: number;
  readonly originalValue: number;
  readonly asOf: string;
  readonly recordedAt: string;
  readonly filedBy?: string;
  readonly note?: string;
  readonly evidence: readonly string[];
  readonly corrections: readonly ReportCorrection[];
}

/** One owning unit's part: its latest figure, and whether it counts towards the progress. */
export interface UnitBreakdown {
  readonly unit: string;
  readonly role: TargetOwner['role'];
  /** A lead that has not returned (退回) its assignment: its figure is counted. */
  readonly counted: boolean;
  readonly latest?: { readonly reportId: string; readonly value: number; readonly asOf: string };
}

export interface ReportSummary {
  readonly rule: ProgressRule;
  readonly progress?: Progress;
  readonly units: readonly UnitBreakdown[];
  readonly reports: readonly FiledReport[];
}

interface ReportRow {
  seq: number;
  milestone_id: string;
  unit: string;
  value: number;
  as_of_date: string;
  recorded_at: string;
  note: string | null;
  evidence: string;
  filed_by: string | null;
  correction_reason: string | null;
}

/** Every report on the target recorded by `asOf`, corrections folded into the report they correct. */
function filedReports(
  db: Database.Database,
  targetId: string,
  asOf: string,
): (FiledReport & { order: number })[] {
  const rows = prepared<[string, string], ReportRow>(
    db,
    `SELECT * FROM ${reports} WHERE target_id = ? AND recorded_at <= ? ORDER BY seq`,
  ).all(targetId, asOf);
  const byId = new Map<string, FiledReport & { order: number }>();
  for (const row of rows) {
    const filed = byId.get(row.milestone_id);
    if (!filed) {
      byId.set(row.milestone_id, {
        reportId: row.milestone_id,
        unit: row.unit,
        value: row.value,
        originalValue: row.value,
        asOf: row.as_of_date,
        recordedAt: row.recorded_at,
        ...(row.filed_by !== null ? { filedBy: row.filed_by } : {}),
        ...(row.note !== null ? { note: row.note } : {}),
        evidence: JSON.parse(row.evidence) as string[],
        corrections: [],
        order: row.seq,
      });
      continue;
    }
    const correction: ReportCorrection = {
      previousValue: filed.value,
      value: row.value,
      reason: row.correction_reason ?? '',
      ...(row.filed_by !== null ? { correctedBy: row.filed_by } : {}),
      recordedAt: row.recorded_at,
    };
    byId.set(row.milestone_id, {
      ...filed,
      value: row.value,
      corrections: [...filed.corrections, correction],
    });
  }
  return [...byId.values()];
}

/**
 * The reports on a target as recorded by `asOf`, each unit's latest figure, and the progress its
 * lead units' figures give by the target's rule (see shared/progress.ts). `state` is the target
 * as it stood then: it says who owed it in which role.
 */
export function reportSummary(
  db: Database.Database,
  state: TargetSnapshot,
  asOf: string,
): ReportSummary {
  const filed = filedReports(db, state.targetId, asOf);
  const figures: UnitFigure[] = filed.map((r) => ({
    unit: r.unit,
    value: r.value,
    asOf: r.asOf,
    order: r.order,
  }));
  const latest = latestByUnit(figures);
  const reportIdOf = new Map(filed.map((r) => [r.order, r.reportId]));
  const counted = new Set(
    state.owners
      .filter((o) => o.role === 'lead' && !o.isGroup && o.acknowledgement !== 'declined')
      .map((o) => o.unit),
  );
  const rule = progressRuleFor(state.measure);
  const progress = progressOf(rule, latest, counted);
  const units = new Map<string, UnitBreakdown>();
  for (const owner of state.owners) {
    if (owner.isGroup || units.get(owner.unit)?.role === 'lead') continue;
    const figure = latest.get(owner.unit);
    units.set(owner.unit, {
      unit: owner.unit,
      role: owner.role,
      counted: counted.has(owner.unit),
      ...(figure
        ? {
            latest: {
              reportId: reportIdOf.get(figure.order) ?? '',
              value: figure.value,
              asOf: figure.asOf,
            },
          }
        : {}),
    });
  }
  return {
    rule,
    ...(progress ? { progress } : {}),
    units: [...units.values()],
    reports: filed.map(({ order: _order, ...report }) => report),
  };
}
