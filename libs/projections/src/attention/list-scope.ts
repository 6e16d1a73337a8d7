import type Database from 'better-sqlite3';
import { daysBetween } from '../shared/time';
import type { PageBounds } from './attention-page';

/** What every attention list is computed for: one instant, optionally one plan or one unit. */
export interface ListScope {
  readonly db: Database.Database;
  /** ISO instant: everything recorded up to it counts. */
  readonly now: string;
  readonly nowMs: number;
  readonly planId?: string;
  readonly unit?: string;
  readonly page: PageBounds;
}

export interface TaskRef {
  readonly planId: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
}

/** The version of a versioned row current at @now. */
export const CURRENT = (alias: string) =>
  `${alias}.valid_from <= @now AND ${alias}.valid_to > @now`;

/** The named parameters of the plan and unit filters, only those the SQL names. */
export const filterParams = (scope: ListScope): object => ({
  ...(scope.planId !== undefined ? { planId: scope.planId } : {}),
  ...(scope.unit !== undefined ? { unit: scope.unit } : {}),
});

/** Whole days from an instant to the scope's now. */
export const daysSince = (scope: ListScope, since: string): number =>
  Math.floor(daysBetween(Date.parse(since), scope.nowMs));

export function taskRef(r: {
  plan_id: string;
  task_id: string;
  task_no: number;
  task_title: string;
  target_id?: string | null;
  metric?: string | null;
}): TaskRef {
  return {
    planId: r.plan_id,
    taskId: r.task_id,
    taskNo: r.task_no,
    taskTitle: r.task_title,
    ...(r.target_id ? { targetId: r.target_id } : {}),
    ...(r.metric ? { metric: r.metric } : {}),
  };
}
