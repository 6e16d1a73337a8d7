import type { Comparator, TargetKind } from '@duty-ledger/domain';
import type { CompletionStatus } from '../shared/task-view';
import type { StatusInput } from '../status/status-light';

/** The columns of an item row a status light is computed from. */
export interface ItemStatusRow {
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
  /** The latest report as of the instant (LATEST_REPORT_JOIN); null without one. */
  report_value: number | null;
}

/** The inputs of a status light for an item row (shared with the dashboard). */
export function statusInputOf(row: ItemStatusRow): StatusInput {
  const quantified = row.value !== null && row.comparator !== null;
  return {
    dueDate: row.due_date,
    planYear: row.plan_year ?? Number(row.due_date.slice(0, 4)),
    current: quantified
      ? { value: row.value as number, comparator: row.comparator as Comparator }
      : undefined,
    original:
      quantified && row.orig_value !== null && row.orig_comparator !== null
        ? { value: row.orig_value, comparator: row.orig_comparator }
        : undefined,
    kind: row.kind ?? undefined,
    baseline: row.baseline ?? undefined,
    latestValue: row.report_value ?? undefined,
    completion: row.completion,
    leadAcknowledged: row.lead_acknowledged === 1,
  };
}
