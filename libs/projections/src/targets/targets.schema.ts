import { TaskViewTable } from '../shared/task-view-store';

/**
 * The targets read model: for each target, every event that touched it in log order with the
 * before/after of each field it changed, and (on the entries that changed them) the target's
 * terms and owners as they then stood. "As of T" is the last such entry recorded up to T. Reports
 * and their corrections sit in their own append-only table.
 */
export const TARGET_TABLES = {
  taskViews: 'tg_task_views',
  plans: 'tg_plans',
  history: 'tg_history',
  reports: 'tg_reports',
} as const;

const { taskViews, plans, history, reports } = TARGET_TABLES;

export const TARGETS_DDL = `
${TaskViewTable.ddl(taskViews)}
CREATE TABLE IF NOT EXISTS ${plans} (plan_id TEXT PRIMARY KEY, title TEXT NOT NULL, year INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${history} (
  seq INTEGER PRIMARY KEY, target_id TEXT NOT NULL, type TEXT NOT NULL, actor TEXT, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
  position TEXT NOT NULL, reason TEXT, reference TEXT, details TEXT, changes TEXT NOT NULL, state TEXT
);
CREATE INDEX IF NOT EXISTS ${history}_by_target ON ${history} (target_id, seq);
CREATE INDEX IF NOT EXISTS ${history}_states ON ${history} (target_id, seq) WHERE state IS NOT NULL;
-- One row per report, and one more per correction of it (same milestone_id, the corrected value,
-- who corrected it and why): the figure of a report as of T is its last row recorded by T.
CREATE TABLE IF NOT EXISTS ${reports} (
  seq INTEGER PRIMARY KEY, target_id TEXT NOT NULL, milestone_id TEXT NOT NULL, unit TEXT NOT NULL, value REAL NOT NULL,
  as_of_date TEXT NOT NULL, recorded_at TEXT NOT NULL, note TEXT, evidence TEXT NOT NULL,
  filed_by TEXT, correction_reason TEXT
);
CREATE INDEX IF NOT EXISTS ${reports}_latest ON ${reports} (target_id, as_of_date, seq);
`;
