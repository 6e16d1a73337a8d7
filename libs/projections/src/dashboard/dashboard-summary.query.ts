import type Database from 'better-sqlite3';
import {
  ITEM_VALID_SQL,
  LATEST_REPORT_JOIN,
  statusInputOf,
  type ItemStatusRow,
} from '../obligations/obligations.query';
import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { DEFAULT_RULE_SET, lightsOf } from '../status/rule-set';
import { factsAt, hasFact, lightOfMask } from '../status/status-light';
import type { AsOfOptions } from '../shared/as-of';
import { asOfInstant } from '../shared/time';
import { prepared } from '../shared/statement-cache';

export interface StatusCounts {
  /** Items (targets, and tasks without targets) or obligations counted. */
  readonly total: number;
  readonly byLight: Readonly<Record<string, number>>;
  /** Quantified targets among them. */
  readonly targets: number;
  /** Targets verified or meeting their current target. */
  readonly met: number;
  /** met / targets; null without targets. */
  readonly shareMet: number | null;
  /** Past due and neither verified nor met. */
  readonly overdue: number;
}

export interface DashboardSummary {
  readonly planId: string;
  readonly asOf: string;
  readonly ruleSet: { readonly id: string; readonly version: number };
  readonly lights: readonly string[];
  readonly plan: StatusCounts;
  /** Per section of the plan, over its items. */
  readonly sections: readonly (StatusCounts & {
    readonly sectionNo: string;
    readonly sectionTitle: string;
  })[];
  /** Per unit, over what it owes (lead and supporting). */
  readonly units: readonly (StatusCounts & { readonly unit: string })[];
}

class Tally {
  total = 0;
  targets = 0;
  met = 0;
  overdue = 0;
  readonly byLight: Record<string, number>;

  constructor(lights: readonly string[]) {
    this.byLight = Object.fromEntries(lights.map((l) => [l, 0]));
  }

  add(light: string, quantified: boolean, met: boolean, overdue: boolean): void {
    this.total += 1;
    this.byLight[light] = (this.byLight[light] ?? 0) + 1;
    if (quantified) this.targets += 1;
    if (quantified && met) this.met += 1;
    if (overdue) this.overdue += 1;
  }

  counts(): StatusCounts {
    const { total, byLight, targets, met, overdue } = this;
    return {
      total,
      byLight: { ...byLight },
      targets,
      met,
      shareMet: targets === 0 ? null : met / targets,
      overdue,
    };
  }
}

interface ItemRow extends ItemStatusRow {
  item_id: string;
  section_no: string;
  section_title: string;
}

const { items, obligations, plans } = OBLIGATION_TABLES;

const ITEMS_SQL = `SELECT i.item_id, i.section_no, i.section_title, i.due_date, p.year AS plan_year, i.value, i.comparator,
       i.orig_value, i.orig_comparator, i.kind, i.baseline, i.completion, i.lead_acknowledged, r.value AS report_value
     FROM ${items} i LEFT JOIN ${plans} p ON p.plan_id = i.plan_id ${LATEST_REPORT_JOIN}
     WHERE i.plan_id = @planId AND ${ITEM_VALID_SQL} ORDER BY i.task_no, i.item_id`;

const OWED_SQL = `SELECT o.unit, o.item_id FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id AND ${ITEM_VALID_SQL}
     WHERE i.plan_id = @planId AND o.valid_from <= @asOf AND o.valid_to > @asOf`;

/** Unit names sort as Chinese readers expect; one collator, since making one per comparison is slow. */
const byChineseName = new Intl.Collator('zh-CN').compare;

/**
 * Counts by status light for one plan as of an instant: for the plan, per section (over targets and
 * target-less tasks) and per unit (over what each owes). Reads the obligations read model.
 */
export function dashboardSummary(
  db: Database.Database,
  planId: string,
  options: AsOfOptions,
): DashboardSummary {
  const asOf = asOfInstant(options.asOf);
  const nowMs = Date.parse(asOf);
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const lights = lightsOf(ruleSet);

  const assessed = new Map<
    string,
    { light: string; quantified: boolean; met: boolean; overdue: boolean }
  >();
  const plan = new Tally(lights);
  const sections = new Map<string, { title: string; tally: Tally }>();
  for (const row of prepared<[object], ItemRow>(db, ITEMS_SQL).all({ planId, asOf })) {
    const input = statusInputOf(row);
    const { mask } = factsAt(input, nowMs, ruleSet);
    const met = hasFact(mask, 'verified') || hasFact(mask, 'metCurrent');
    const result = {
      light: lightOfMask(mask, ruleSet),
      quantified: input.current !== undefined,
      met,
      overdue: hasFact(mask, 'pastDue') && !met,
    };
    assessed.set(row.item_id, result);
    plan.add(result.light, result.quantified, result.met, result.overdue);
    let section = sections.get(row.section_no);
    if (!section) {
      section = { title: row.section_title, tally: new Tally(lights) };
      sections.set(row.section_no, section);
    }
    section.tally.add(result.light, result.quantified, result.met, result.overdue);
  }

  const units = new Map<string, Tally>();
  const owed = prepared<[object], { unit: string; item_id: string }>(db, OWED_SQL).all({
    planId,
    asOf,
  });
  for (const { unit, item_id } of owed) {
    const result = assessed.get(item_id);
    if (!result) continue;
    let tally = units.get(unit);
    if (!tally) {
      tally = new Tally(lights);
      units.set(unit, tally);
    }
    tally.add(result.light, result.quantified, result.met, result.overdue);
  }

  return {
    planId,
    asOf,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    lights,
    plan: plan.counts(),
    sections: [...sections].map(([sectionNo, { title, tally }]) => ({
      sectionNo,
      sectionTitle: title,
      ...tally.counts(),
    })),
    units: [...units]
      .sort(([a], [b]) => byChineseName(a, b))
      .map(([unit, tally]) => ({ unit, ...tally.counts() })),
  };
}
