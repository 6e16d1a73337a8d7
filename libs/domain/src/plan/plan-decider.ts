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

export const planDecider = {
  decide: decidePlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
};
