import { VersionedTable } from '../shared/versioned-table';
import { TaskViewTable } from '../shared/task-view-store';

/**
 * The obligations read model. An item is what can be owed: a target, or a task without targets.
 * Items and obligations (a unit owing an item) are versioned by recording time; reports are
 * append-only and the latest one as of an instant is looked up through an index. Nothing here is
 * an opinion: status lights are computed from these rows at query time.
 */
export const OBLIGATION_TABLES = {
  taskViews: 'ob_task_views',
  plans: 'ob_plans',
  items: 'ob_items',
  obligations: 'ob_obligations',
  reports: 'ob_reports',
  unitFigures: 'ob_unit_figures',
} as const;

export const ITEM_KEY = ['item_id'] as const;
export const ITEM_VALUES = [
  'plan_id',
  'task_id',
  'task_no',
  'task_title',
  'section_no',
  'section_title',
  'target_id',
  'metric',
  'kind',
  'measure',
  'baseline',
  'value',
  'comparator',
  'unit',
  'due_date',
  'orig_value',
  'orig_comparator',
  'orig_unit',
  'orig_due_date',
  'completion',
  'lead_acknowledged',
  'deadline_moves',
  'registered_at',
] as const;

export const OBLIGATION_KEY = ['unit', 'item_id'] as const;
export const OBLIGATION_VALUES = [
  'role',
  'scope',
  'via_group',
  'is_group',
  'ack_state',
  'ack_version',
  'assigned_at',
  'answered_at',
  'owed_since',
] as const;

const { taskViews, plans, items, obligations, reports, unitFigures } = OBLIGATION_TABLES;

export const OBLIGATIONS_DDL = `
${TaskViewTable.ddl(taskViews)}
CREATE TABLE IF NOT EXISTS ${plans} (
  plan_id TEXT PRIMARY KEY, title TEXT NOT NULL, year INTEGER NOT NULL, due_date TEXT NOT NULL, recorded_at TEXT NOT NULL,
  withdrawn_at TEXT, withdrawal_reason TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${items} (
  item_id TEXT NOT NULL, plan_id TEXT NOT NULL, task_id TEXT NOT NULL, task_no INTEGER NOT NULL, task_title TEXT NOT NULL,
  section_no TEXT NOT NULL, section_title TEXT NOT NULL, target_id TEXT, metric TEXT, kind TEXT, measure TEXT,
  baseline REAL, value REAL, comparator TEXT, unit TEXT, due_date TEXT NOT NULL,
  orig_value REAL, orig_comparator TEXT, orig_unit TEXT, orig_due_date TEXT NOT NULL,
  completion TEXT NOT NULL, lead_acknowledged INTEGER NOT NULL, deadline_moves INTEGER NOT NULL, registered_at TEXT NOT NULL,
  ${VersionedTable.VALIDITY_COLUMNS}
);
CREATE INDEX IF NOT EXISTS ${items}_by_id ON ${items} (item_id, valid_to);
CREATE INDEX IF NOT EXISTS ${items}_by_plan ON ${items} (plan_id, valid_to, due_date);
CREATE INDEX IF NOT EXISTS ${items}_by_due ON ${items} (valid_to, due_date);
-- The order obligations are listed in: a page is read off it without sorting everything.
CREATE INDEX IF NOT EXISTS ${items}_in_order ON ${items} (due_date, plan_id, task_no, item_id);
CREATE TABLE IF NOT EXISTS ${obligations} (
  unit TEXT NOT NULL, item_id TEXT NOT NULL, role TEXT NOT NULL, scope TEXT NOT NULL, via_group TEXT, is_group INTEGER NOT NULL,
  ack_state TEXT NOT NULL, ack_version INTEGER, assigned_at TEXT NOT NULL, answered_at TEXT, owed_since TEXT,
  ${VersionedTable.VALIDITY_COLUMNS}
);
CREATE INDEX IF NOT EXISTS ${obligations}_by_unit ON ${obligations} (unit, valid_to);
CREATE INDEX IF NOT EXISTS ${obligations}_by_item ON ${obligations} (item_id, valid_to);
-- Write side only: each unit's latest figure per target (corrections applied), from which a
-- report's row in ${reports} gets the target's progress.
CREATE TABLE IF NOT EXISTS ${unitFigures} (
  target_id TEXT NOT NULL, unit TEXT NOT NULL, report_id TEXT NOT NULL, value REAL NOT NULL, as_of_date TEXT NOT NULL,
  seq INTEGER NOT NULL, PRIMARY KEY (target_id, unit)
) WITHOUT ROWID;
-- One row per report or correction counted towards a target: \`value\` is the target's progress
-- after it (from its lead units' latest figures, see shared/progress.ts), \`as_of_date\` the latest
-- day those figures are about, so the latest row by (as_of_date, seq) is the progress then.
CREATE TABLE IF NOT EXISTS ${reports} (
  seq INTEGER PRIMARY KEY, target_id TEXT NOT NULL, unit TEXT NOT NULL, value REAL NOT NULL, as_of_date TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${reports}_latest ON ${reports} (target_id, as_of_date, seq);
CREATE INDEX IF NOT EXISTS ${reports}_recent ON ${reports} (target_id, recorded_at);
-- Query only (GET /audit/attention): the answers still owed, so the list of unanswered assignments
-- reads ~100,000 of them at 2,000 plans instead of joining every item to every obligation.
CREATE INDEX IF NOT EXISTS ${obligations}_unanswered ON ${obligations} (valid_to, owed_since) WHERE ack_state IN ('pending', 'reopened');
-- Query only (GET /audit/attention): the few items whose deadline moved more than once.
CREATE INDEX IF NOT EXISTS ${items}_moved ON ${items} (deadline_moves) WHERE deadline_moves > 1;
`;
