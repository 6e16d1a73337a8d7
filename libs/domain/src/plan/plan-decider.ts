import type { PlanEvent } from '../events/plan-events';
import type { Decider } from '../shared/decider';
import type { ImportPlan } from './commands/import-plan';
import { decideImportPlan, type StreamEvents } from './decide-import-plan';
import { evolvePlan } from './evolve-plan';
import { initialPlanState, type PlanState } from './plan-state';

/** The plan stream's decider: its decision is the events of every stream the plan creates. */
export const planDecider: Decider<ImportPlan, PlanState, PlanEvent, StreamEvents[]> = {
  decide: decideImportPlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
};
