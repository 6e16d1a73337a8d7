import type Database from 'better-sqlite3';
import type { Comparator, TargetKind } from '@duty-ledger/domain';
import type { CompletionStatus } from '../shared/task-view';
import { prepared } from '../shared/statement-cache';
import type { StatusRuleSet } from '../status/rule-set';
import { factsAt, lightOfMask } from '../status/status-light';
import { OBLIGATION_TABLES } from './obligations.schema';
import { statusInputOf } from './status-input';

const { items, obligations, plans, reports } = OBLIGATION_TABLES;

/** What picks items, besides being valid at @asOf. */
export interface ItemFilter {
  readonly planId?: string;
  readonly dueBefore?: string;
}

/** An item of a listing with the number of obligations it carries. */
export interface LitItem {
  readonly itemId: string;
  readonly obligations: number;
}

/** Raw rows (arrays): a listing of every unit reads ~100,000 items, and arrays are cheaper. */
type ItemLightRow = [
  itemId: string,
  dueDate: string,
  planId: string,
  taskNo: number,
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

function itemsSql(filter: ItemFilter): string {
  return `SELECT i.item_id, i.due_date, i.plan_id, i.task_no, p.year, i.value, i.comparator, i.orig_value, i.orig_comparator,
      i.kind, i.baseline, i.completion, i.lead_acknowledged,
      (SELECT l.value FROM ${reports} l INDEXED BY ${reports}_latest WHERE l.target_id = i.target_id AND l.recorded_at <= @asOf
        ORDER BY l.as_of_date DESC, l.seq DESC LIMIT 1)
    FROM ${items} i LEFT JOIN ${plans} p ON p.plan_id = i.plan_id
    WHERE i.valid_from <= @asOf AND i.valid_to > @asOf
      ${filter.planId !== undefined ? 'AND i.plan_id = @planId' : ''}
      ${filter.dueBefore !== undefined ? 'AND i.due_date < @dueBefore' : ''}
    ORDER BY +i.due_date, i.plan_id, i.task_no, i.item_id`;
}

const COUNTS_SQL = `SELECT o.item_id, count(*) FROM ${obligations} o
  WHERE o.item_id IN (SELECT value FROM json_each(@ids)) AND o.valid_from <= @asOf AND o.valid_to > @asOf
  GROUP BY o.item_id`;

/**
 * The items valid at @asOf whose light is `light`, in the order obligations are listed (due date,
 * plan, task, item; sorted by SQLite, whose text order is the listing's), each with how many
 * obligations it carries. A light depends only on the item
 * and its latest report, never on who owes it; so a listing across units computes each light
 * once per item (~93,000 at 2,000 plans) instead of once per obligation (~311,000), in the same
 * code as every other listing, and then counts obligations of the matching items only.
 */
export function itemsWithLight(
  db: Database.Database,
  filter: ItemFilter,
  asOf: string,
  light: string,
  ruleSet: StatusRuleSet,
): LitItem[] {
  const nowMs = Date.parse(asOf);
  const named: Record<string, string> = { asOf };
  if (filter.planId !== undefined) named.planId = filter.planId;
  if (filter.dueBefore !== undefined) named.dueBefore = filter.dueBefore;
  const rows = prepared<[object], ItemLightRow>(db, itemsSql(filter))
    .raw(true)
    .all(named) as unknown as ItemLightRow[];
  const matching: ItemLightRow[] = [];
  for (const row of rows) {
    const input = statusInputOf({
      due_date: row[1],
      plan_year: row[4],
      value: row[5],
      comparator: row[6],
      orig_value: row[7],
      orig_comparator: row[8],
      kind: row[9],
      baseline: row[10],
      completion: row[11],
      lead_acknowledged: row[12],
      report_value: row[13],
    });
    const { mask } = factsAt(input, nowMs, ruleSet);
    if (lightOfMask(mask, ruleSet) === light) matching.push(row);
  }
  if (matching.length === 0) return [];
  const counts = new Map(
    prepared<[object], [string, number]>(db, COUNTS_SQL)
      .raw(true)
      .all({ asOf, ids: JSON.stringify(matching.map((row) => row[0])) }) as unknown as [
      string,
      number,
    ][],
  );
  const result: LitItem[] = [];
  for (const row of matching) {
    const n = counts.get(row[0]);
    if (n) result.push({ itemId: row[0], obligations: n });
  }
  return result;
}
