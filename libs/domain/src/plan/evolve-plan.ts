import type { PlanEvent } from '../events/plan-events';
import type { PlanState } from './plan-state';

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanRegistered':
      // A plan registers once; a second registration in a stream is ignored, never merged.
      return state.status === 'none' ? { status: 'registered', ...event.data } : state;
    case 'PlanWithdrawn':
      return state.status === 'registered'
        ? {
            ...state,
            withdrawal: { reason: event.data.reason, withdrawnBy: event.data.withdrawnBy },
          }
        : state;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
