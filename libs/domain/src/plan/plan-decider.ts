import { decideImportPlan } from './decide-import-plan';
import { evolvePlan } from './evolve-plan';
import { initialPlanState } from './plan-state';

export const planDecider = {
  decide: decideImportPlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
};
