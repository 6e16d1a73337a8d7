import { decideUser } from './decide-user';
import { evolveUser } from './evolve-user';
import { initialUserState } from './user-state';

export const userDecider = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
};
