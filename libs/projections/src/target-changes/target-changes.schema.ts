import { TaskViewTable } from '../shared/task-view-store';

/**
 * The audit feed of changes to what is owed: one row per change of a target's value, of a due
 * date, or of the owners after the plan was issued. Rows are append-only, so "as of T" is
 * `recorded_at <= T`. Units that can see a change (owners before and after, the proposer) are
 * indexed beside it.
 */
export const TARGET_CHANGE_TABLES = {
  taskViews: 'tc_task_views',
  plans: 'tc_plans',
  changes: 'tc_changes',
  units: 'tc_change_units',
} as const;

const { taskViews, plans, changes, units } = TARGET_CHANGE_TABLES;

export const TARGET_CHANGES_DDL = `
${TaskViewTable.ddl(taskViews)}
CREATE TABLE IF NOT EXISTS ${plans} (plan_id TEXT PRIMARY KEY, year INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${changes} (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, event_type TEXT NOT NULL, plan_id TEXT NOT NULL, plan_year INTEGER NOT NULL,
  task_id TEXT NOT NULL, task_no INTEGER NOT NULL, task_title TEXT NOT NULL, target_id TEXT, metric TEXT,
  original TEXT NOT NULL, previous TEXT NOT NULL, next TEXT NOT NULL,
  proposed_by TEXT, proposed_by_unit TEXT, approved_by TEXT, actor TEXT,
  reason TEXT, reference TEXT, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, position TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${changes}_by_time ON ${changes} (occurred_at);
CREATE INDEX IF NOT EXISTS ${changes}_by_kind ON ${changes} (kind, occurred_at);
CREATE INDEX IF NOT EXISTS ${changes}_by_target ON ${changes} (task_id, target_id, kind, seq);
CREATE TABLE IF NOT EXISTS ${units} (unit TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (unit, seq)) WITHOUT ROWID;
`;
