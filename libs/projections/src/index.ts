import type { Projection } from './runner/projection';
import { obligationsProjection } from './obligations/obligations.projection';
import { targetsProjection } from './targets/targets.projection';
import { targetChangesProjection } from './target-changes/target-changes.projection';
import { approvalsProjection } from './approvals/approvals.projection';
import { statusRulesProjection } from './status/status-rules.projection';

// Runner: feeds the read models from the log.
export { ProjectionRunner, PROJECTED_STREAMS } from './runner/projection-runner';
export type {
  ProjectionRunnerOptions,
  ProjectionStatus,
  RunnerStatus,
  RunnerLogger,
} from './runner/projection-runner';
export type { Projection, ProjectionEvent } from './runner/projection';
export type { Checkpoint } from './runner/checkpoints';
export type { ProjectedChange } from './runner/projected-change';
export { openReadModelDb, readModelPath, READ_MODEL_FILE } from './runner/read-model-db';

// Read models.
export { obligationsProjection, targetsProjection, targetChangesProjection, approvalsProjection };

/** Every read model of the service, as the runner takes them. */
export const READ_MODELS: readonly Projection[] = [
  obligationsProjection,
  targetsProjection,
  targetChangesProjection,
  approvalsProjection,
  statusRulesProjection,
];

// Queries: plain functions over the read-model database, each exact as of an instant.
export { listObligations, obligations, unitObligations } from './obligations/obligations.query';
export type {
  LatestReport,
  Obligation,
  ObligationFilter,
  ObligationPage,
  ObligationPageRequest,
} from './obligations/obligations.query';
export { targetDetails, targetHistory } from './targets/targets.query';
export type { TargetDetails, TargetHistoryEntry, TargetReport } from './targets/targets.query';
export type {
  FieldChange,
  TargetOwner,
  TargetSnapshot,
  TrackedField,
} from './targets/target-state';
export { targetChanges } from './target-changes/target-changes.query';
export type { TargetChange, TargetChangeFilter } from './target-changes/target-changes.query';
export { TARGET_CHANGE_KINDS, classifyValueChange } from './target-changes/change-kind';
export type { TargetChangeKind } from './target-changes/change-kind';
export { attention } from './attention/attention.query';
export { pendingApprovals } from './approvals/approvals.query';
export type { ApprovalFilter, PendingApproval } from './approvals/approvals.query';
export { APPROVAL_KINDS, type ApprovalKind } from './approvals/pending-requests';
export { listPlans, type PlanSummary } from './obligations/plans.query';
export type {
  AttentionList,
  AttentionOptions,
  RepeatedlyMovedDeadline,
  UnansweredAssignment,
  UnreportedTarget,
} from './attention/attention.query';
export { dashboardSummary } from './dashboard/dashboard-summary.query';
export type { DashboardSummary, StatusCounts } from './dashboard/dashboard-summary.query';
export type { AsOfOptions } from './shared/as-of';
export { asOfInstant } from './shared/time';
export type { AckState, CompletionStatus, TargetValue, Terms } from './shared/task-view';

// Status lights: rules as data, computed at query time.
export { DEFAULT_RULE_SET, lightsOf } from './status/rule-set';
export { ruleSetAt, statusRulesProjection } from './status/status-rules.projection';
export type { StatusFact, StatusParameters, StatusRule, StatusRuleSet } from './status/rule-set';
export {
  assessStatus,
  expectedProgress,
  progressTowards,
  STATUS_FACTS,
} from './status/status-light';
export type { StatusAssessment, StatusInput } from './status/status-light';

// Exports.
export { obligationsCsv, obligationsXlsx, OBLIGATION_COLUMNS } from './exports/obligation-export';
export {
  targetChangesCsv,
  targetChangesXlsx,
  TARGET_CHANGE_COLUMNS,
} from './exports/target-change-export';
