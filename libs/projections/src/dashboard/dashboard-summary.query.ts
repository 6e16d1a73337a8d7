import type Database from 'better-sqlite3';
import {
  ITEM_VALID_SQL,
  LATEST_REPORT_SQL,
  statusInputOf,
  type ObligationRow,
} from '../obligations/obligations.query';
import { OBLIGATION_TABLES } from '../obligations/obligations.schema';
import { DEFAULT_RULE_SET, lightsOf } from '../status/rule-set';
import { lightFor, statusFacts } from '../status/status-light';
import type { AsOfOptions } from '../shared/as-of';
import { asOfInstant } from '../shared/time';

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

type ItemRow = Omit<
  ObligationRow,
  | 'unit'
  | 'role'
  | 'scope'
  | 'via_group'
  | 'is_group'
  | 'ack_state'
  | 'ack_version'
  | 'assigned_at'
  | 'answered_at'
  | 'owed_since'
>;

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
  const now = new Date(asOf);
  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const lights = lightsOf(ruleSet);
  const { items, obligations, plans } = OBLIGATION_TABLES;

  const assessed = new Map<
    string,
    { light: string; quantified: boolean; met: boolean; overdue: boolean }
  >();
  const plan = new Tally(lights);
  const sections = new Map<string, { title: string; tally: Tally }>();
  const rows = db
    .prepare<object, ItemRow>(
      `SELECT i.*, i.unit AS target_unit, p.title AS plan_title, p.year AS plan_year, ${LATEST_REPORT_SQL} AS latest_report
       FROM ${items} i LEFT JOIN ${plans} p ON p.plan_id = i.plan_id
       WHERE i.plan_id = @planId AND ${ITEM_VALID_SQL} ORDER BY i.task_no, i.item_id`,
    )
    .iterate({ planId, asOf });
  for (const row of rows) {
    const input = statusInputOf(row);
    const { facts } = statusFacts(input, now, ruleSet);
    const met = facts.has('verified') || facts.has('metCurrent');
    const result = {
      light: lightFor(facts, ruleSet),
      quantified: input.current !== undefined,
      met,
      overdue: facts.has('pastDue') && !met,
    };
    assessed.set(row.item_id, result);
    plan.add(result.light, result.quantified, result.met, result.overdue);
    const section = sections.get(row.section_no) ?? {
      title: row.section_title,
      tally: new Tally(lights),
    };
    section.tally.add(result.light, result.quantified, result.met, result.overdue);
    sections.set(row.section_no, section);
  }

  const units = new Map<string, Tally>();
  const owed = db
    .prepare<object, { unit: string; item_id: string }>(
      `SELECT o.unit, o.item_id FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id AND ${ITEM_VALID_SQL}
       WHERE i.plan_id = @planId AND o.valid_from <= @asOf AND o.valid_to > @asOf`,
    )
    .iterate({ planId, asOf });
  for (const { unit, item_id } of owed) {
    const result = assessed.get(item_id);
    if (!result) continue;
    const tally = units.get(unit) ?? new Tally(lights);
    tally.add(result.light, result.quantified, result.met, result.overdue);
    units.set(unit, tally);
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
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([unit, tally]) => ({ unit, ...tally.counts() })),
  };
}
