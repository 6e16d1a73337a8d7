export { CommandsModule } from './commands.module';
export { CommandAnswerInterceptor } from './shared/command-answer.interceptor';
export {
  IdempotencyInterceptor,
  IDEMPOTENCY_STREAM_PREFIX,
} from './shared/idempotency.interceptor';
export { importSeedPlanOnce, type SeedOutcome } from './plans/seed-plan';
export { readPlan, type PlanView } from './plans/read-plan/read-plan';
export { deterministicUuid } from './shared/deterministic-id';
