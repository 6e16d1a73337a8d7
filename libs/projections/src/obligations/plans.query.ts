import type Database from 'better-sqlite3';
import { asOfInstant } from '../shared/time';
import { prepared } from '../shared/statement-cache';
import { OBLIGATION_TABLES } from './obligations.schema';

const { plans, items, obligations } = OBLIGATION_TABLES;

export interface PlanSummary {
  readonly planId: string;
  readonly title: string;
  readonly year: number;
  readonly dueDate: string;
  readonly registeredAt: string;
  readonly status: 'registered' | 'withdrawn';
  readonly withdrawal?: { readonly at: string; readonly reason: string };
  /** What the plan holds as of the instant: nothing once it is withdrawn. */
  readonly counts: {
    readonly tasks: number;
    readonly targets: number;
    /** Units that owe something, collective placeholders (各相关单位) not counted. */
    readonly units: number;
    readonly obligations: number;
  };
}

interface PlanRow {
  plan_id: string;
  title: string;
  year: number;
  due_date: string;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  tasks: number;
  targets: number;
  units: number;
  obligations: number;
}

const PLANS_SQL = `SELECT p.plan_id, p.title, p.year, p.due_date, p.recorded_at,
    CASE WHEN p.withdrawn_at <= @asOf THEN p.withdrawn_at END AS withdrawn_at,
    CASE WHEN p.withdrawn_at <= @asOf THEN p.withdrawal_reason END AS withdrawal_reason,
    (SELECT count(DISTINCT i.task_id) FROM ${items} i
      WHERE i.plan_id = p.plan_id AND i.valid_from <= @asOf AND i.valid_to > @asOf) AS tasks,
    (SELECT count(i.target_id) FROM ${items} i
      WHERE i.plan_id = p.plan_id AND i.valid_from <= @asOf AND i.valid_to > @asOf) AS targets,
    (SELECT count(DISTINCT o.unit) FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id
      WHERE i.plan_id = p.plan_id AND i.valid_from <= @asOf AND i.valid_to > @asOf
        AND o.valid_from <= @asOf AND o.valid_to > @asOf AND o.is_group = 0) AS units,
    (SELECT count(*) FROM ${obligations} o JOIN ${items} i ON i.item_id = o.item_id
      WHERE i.plan_id = p.plan_id AND i.valid_from <= @asOf AND i.valid_to > @asOf
        AND o.valid_from <= @asOf AND o.valid_to > @asOf AND o.is_group = 0) AS obligations
  FROM ${plans} p WHERE p.recorded_at <= @asOf ORDER BY p.year DESC, p.recorded_at, p.plan_id`;

/** Every plan registered by `asOf`, newest year first, with what it holds then. */
export function listPlans(db: Database.Database, asOf: string | Date): PlanSummary[] {
  return prepared<[object], PlanRow>(db, PLANS_SQL)
    .all({ asOf: asOfInstant(asOf) })
    .map((row) => ({
      planId: row.plan_id,
      title: row.title,
      year: row.year,
      dueDate: row.due_date,
      registeredAt: row.recorded_at,
      status: row.withdrawn_at !== null ? 'withdrawn' : 'registered',
      ...(row.withdrawn_at !== null
        ? { withdrawal: { at: row.withdrawn_at, reason: row.withdrawal_reason ?? '' } }
        : {}),
      counts: {
        tasks: row.tasks,
        targets: row.targets,
        units: row.units,
        obligations: row.obligations,
      },
    }));
}
