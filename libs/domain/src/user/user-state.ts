import type { UserProfile } from '../events/user-events';

export type ExistingUser = UserProfile & {
  readonly status: 'enabled' | 'disabled';
  readonly userId: string;
  /** When a password was last set: sessions begun before it no longer count. */
  readonly passwordChangedAt?: string;
};

export type UserState = { readonly status: 'none' } | ExistingUser;

export const initialUserState = (): UserState => ({ status: 'none' });
