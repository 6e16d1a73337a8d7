export { CommandsModule } from './commands.module';
export { CommandAnswerInterceptor } from './shared/command-answer.interceptor';
export {
  IdempotencyInterceptor,
  IDEMPOTENCY_STREAM_PREFIX,
  WithoutIdempotencyKey,
} from './shared/idempotency.interceptor';
export { importSeedPlanOnce, type SeedOutcome } from './plans/seed-plan';
export { readPlan, type PlanView } from './plans/read-plan/read-plan';
export { deterministicUuid } from './shared/deterministic-id';
export { addUnit, type AddUnitOutcome } from './units/add-unit';
export {
  configureStatusRules,
  type ConfigureStatusRulesOutcome,
  type StatusRulesInput,
} from './status-rules/configure-status-rules';
export { actorContext, type CommandContext } from './shared/command-context';
export { UserAdmin, type NewUser } from './users/user-admin';
export { createFirstAdmin, FIRST_ADMIN_ID } from './users/first-admin';
