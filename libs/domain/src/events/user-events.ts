/**
 * Events of a user stream (`user-<userId>`): who may sign in, with which role and unit, and who
 * granted it when. A password (or its hash) is never part of an event: it is a secret kept by the
 * credential store (libs/auth), while the fact that it was set, and by whom, is on the record.
 */
import type { Role } from './event-metadata';

/** What a user is allowed to be: the role and, for a lead, the unit it acts for. */
export interface UserProfile {
  /** Display name, usually Chinese (李娜). */
  readonly name: string;
  readonly role: Role;
  /** The unit a lead acts for, as named in the plan; absent for other roles. */
  readonly unit?: string;
}

export interface UserCreated {
  readonly type: 'UserCreated';
  readonly schemaVersion: 1;
  readonly data: UserProfile & { readonly userId: string };
}

/** Name, role or unit changed; `before` and `after` hold every field that changed. */
export interface UserProfileChanged {
  readonly type: 'UserProfileChanged';
  readonly schemaVersion: 1;
  readonly data: {
    readonly userId: string;
    readonly before: Partial<UserProfile>;
    readonly after: Partial<UserProfile>;
  };
}

export interface UserDisabled {
  readonly type: 'UserDisabled';
  readonly schemaVersion: 1;
  readonly data: { readonly userId: string };
}

export interface UserEnabled {
  readonly type: 'UserEnabled';
  readonly schemaVersion: 1;
  readonly data: { readonly userId: string };
}

/** A new password was set; sessions begun before `changedAt` end. The hash is not here. */
export interface UserPasswordChanged {
  readonly type: 'UserPasswordChanged';
  readonly schemaVersion: 1;
  readonly data: { readonly userId: string; readonly changedAt: string };
}

export type UserEvent =
  UserCreated | UserProfileChanged | UserDisabled | UserEnabled | UserPasswordChanged;

export type UserEventType = UserEvent['type'];

/** Every user event type, checked against the union both ways: a type left out fails to compile. */
const USER_EVENT_TYPE_SET: { readonly [Type in UserEventType]: true } = {
  UserCreated: true,
  UserProfileChanged: true,
  UserDisabled: true,
  UserEnabled: true,
  UserPasswordChanged: true,
};
export const USER_EVENT_TYPES = Object.keys(USER_EVENT_TYPE_SET) as readonly UserEventType[];
