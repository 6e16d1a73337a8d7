// Events: the persisted catalogue.
export type * from './events/event-metadata';
export type * from './events/plan-events';
export type * from './events/task-events';
export type * from './events/unit-events';
export type * from './events/status-rule-events';

// Model and ids.
export * from './model/target-terms';
export type * from './model/plan-draft';
export * from './ids';

// Errors.
export * from './errors';

// Commands.
export type { Command, CommandMetadata } from './shared/command';
export type { Decider } from './shared/decider';
export type * from './plan/commands/import-plan';
export type * from './task/commands/task-command';

// Plan: state, evolve, decide.
export * from './plan/plan-state';
export { evolvePlan } from './plan/evolve-plan';
export { decideImportPlan, PLAN_TEXT_REASON, type StreamEvents } from './plan/decide-import-plan';
export { decideWithdrawPlan } from './plan/decide-withdraw-plan';
export { expandUnits, type ExpandedUnit } from './plan/rules/expand-units';
export { planDecider } from './plan/plan-decider';

// Task: state, evolve, decide, helpers over state.
export * from './task/task-state';
export { evolveTask } from './task/evolve-task';
export { decideTask, TASK_COMMAND_ROLES } from './task/decide-task';
export { taskDecider, taskDeciderWith } from './task/task-decider';
export {
  DEFAULT_REVISION_POLICY,
  classifyChange,
  type RevisionPolicy,
} from './task/rules/revision-policy';
export { taskCommandScope, type TaskCommandScope } from './task/task-command-scope';
export * from './task/task-queries';

// Units: the registry as events.
export * from './units/unit-registry';
export { closestNames } from './units/closest-names';

// Status-light rule sets, configured as events.
export * from './status-rules/status-rules';

// Dates as the domain reads them.
export { isIsoDate, shanghaiDateOf } from './shared/dates';

// Users: who may sign in with which role; state, evolve, decide.
export type * from './events/user-events';
export { USER_EVENT_TYPES } from './events/user-events';
export type * from './user/user-commands';
export * from './user/user-state';
export { evolveUser } from './user/evolve-user';
export { decideUser, USER_ID_PATTERN } from './user/decide-user';
export { userDecider } from './user/user-decider';
