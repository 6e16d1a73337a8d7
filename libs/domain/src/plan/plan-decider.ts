import type { PlanEvent } from '../events/plan-events';
import type { Decider } from '../shared/decider';
import type { PlanCommand } from './commands/import-plan';
import { decideImportPlan, type StreamEvents } from './decide-import-plan';
import { decideWithdrawPlan } from './decide-withdraw-plan';
import { evolvePlan } from './evolve-plan';
import { initialPlanState, type PlanState } from './plan-state';

function decidePlan(command: PlanCommand, state: PlanState): StreamEvents[] {
  switch (command.type) {
    case 'ImportPlan':
      return decideImportPlan(command, state);
    case 'WithdrawPlan':
      return decideWithdrawPlan(command, state);
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}

/** The plan stream's decider: its decision is the events of every stream the plan creates. */
export const planDecider: Decider<PlanCommand, PlanState, PlanEvent, StreamEvents[]> = {
  decide: decidePlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
};
