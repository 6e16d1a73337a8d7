import { TaskViewTable } from '../shared/task-view-store';
import { VersionedTable } from '../shared/versioned-table';

/**
 * The approvals read model: what waits for a supervisor's decision — revision proposals,
 * extension requests, completion claims, declined assignments to reassign — each a row valid from
 * the request until the decision (`valid_to`, open while it waits), so "as of T" is one filter.
 */
export const APPROVAL_TABLES = {
  taskViews: 'ap_task_views',
  requests: 'ap_requests',
} as const;

const { taskViews, requests } = APPROVAL_TABLES;

export const APPROVALS_DDL = `
${TaskViewTable.ddl(taskViews)}
CREATE TABLE IF NOT EXISTS ${requests} (
  request_key TEXT NOT NULL, kind TEXT NOT NULL, request_id TEXT NOT NULL,
  plan_id TEXT NOT NULL, task_id TEXT NOT NULL, task_no INTEGER NOT NULL, task_title TEXT NOT NULL,
  target_id TEXT, metric TEXT, unit TEXT, requested_by TEXT NOT NULL, requested_by_name TEXT,
  requested_at TEXT NOT NULL, reason TEXT, proposed TEXT, current TEXT, requested_due_date TEXT,
  ${VersionedTable.VALIDITY_COLUMNS}
);
CREATE INDEX IF NOT EXISTS ${requests}_open ON ${requests} (task_id, request_key, valid_to);
CREATE INDEX IF NOT EXISTS ${requests}_waiting ON ${requests} (valid_to, requested_at);
`;
