export { CommandsModule } from './commands.module';
export {
  IdempotencyInterceptor,
  IDEMPOTENCY_STREAM_PREFIX,
} from './shared/idempotency.interceptor';
export { importSeedPlanOnce, type SeedOutcome } from './plans/seed-plan';
export { readPlan, type PlanView } from './plans/read-plan';
export { deterministicUuid } from './shared/deterministic-id';
export { addUnit, type AddUnitOutcome } from './units/add-unit';
export {
  configureStatusRules,
  type ConfigureStatusRulesOutcome,
  type StatusRulesInput,
} from './status-rules/configure-status-rules';
