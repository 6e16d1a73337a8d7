import type { Role } from '../events/event-metadata';
import type { Command } from '../shared/command';

export type CreateUser = Command<
  'CreateUser',
  { readonly userId: string; readonly name: string; readonly role: Role; readonly unit?: string }
>;

/** Only the fields given change; `unit: null` removes the unit. */
export type ChangeUser = Command<
  'ChangeUser',
  {
    readonly userId: string;
    readonly name?: string;
    readonly role?: Role;
    readonly unit?: string | null;
  }
>;

export type DisableUser = Command<'DisableUser', { readonly userId: string }>;
export type EnableUser = Command<'EnableUser', { readonly userId: string }>;
/** The password itself never reaches the domain: only that it was set, when and by whom. */
export type RecordPasswordChange = Command<'RecordPasswordChange', { readonly userId: string }>;

export type UserCommand = CreateUser | ChangeUser | DisableUser | EnableUser | RecordPasswordChange;
