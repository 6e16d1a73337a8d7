import type { UserEvent } from '../events/user-events';
import { compact } from '../shared/text-rules';
import type { UserState } from './user-state';

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated':
      return state.status === 'none' ? { status: 'enabled', ...event.data } : state;
    case 'UserProfileChanged': {
      if (state.status === 'none') return state;
      const { unit, ...rest } = { ...state, ...event.data.after };
      // A change that leaves the role without a unit drops it: `after` then says so with no unit.
      const keepUnit = 'unit' in event.data.after || !('unit' in event.data.before);
      return compact({ ...rest, unit: keepUnit ? unit : undefined });
    }
    case 'UserDisabled':
      return state.status === 'none' ? state : { ...state, status: 'disabled' };
    case 'UserEnabled':
      return state.status === 'none' ? state : { ...state, status: 'enabled' };
    case 'UserPasswordChanged':
      return state.status === 'none'
        ? state
        : { ...state, passwordChangedAt: event.data.changedAt };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
