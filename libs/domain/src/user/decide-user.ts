import type { Actor, Role } from '../events/event-metadata';
import type { UserEvent, UserProfile } from '../events/user-events';
import { ForbiddenError, IllegalStateError, NotFoundError, RuleViolationError } from '../errors';
import { requireRole } from '../shared/authority';
import { compact } from '../shared/text-rules';
import type { ChangeUser, UserCommand } from './user-commands';
import type { ExistingUser, UserState } from './user-state';

/** Sign-in names: short, ASCII, no spaces, so they can be typed and put in a URL unchanged. */
export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const ROLES: readonly Role[] = ['admin', 'supervisor', 'lead', 'viewer'];
const MAX_TEXT = 100;

/**
 * Only an admin grants and withdraws rights. An admin may not disable or demote themself, so the
 * last admin cannot lock everyone out by accident.
 */
export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  const { actor } = command.metadata;
  requireRole(actor, 'admin');
  const { userId } = command.data;
  switch (command.type) {
    case 'CreateUser': {
      if (!USER_ID_PATTERN.test(userId))
        throw new RuleViolationError(
          'userId must be 2 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
          { userId },
        );
      if (state.status !== 'none')
        throw new IllegalStateError(`user ${userId} already exists`, { userId });
      const profile = validProfile(command.data);
      return [{ type: 'UserCreated', schemaVersion: 1, data: { userId, ...profile } }];
    }
    case 'ChangeUser': {
      const user = existing(state, userId);
      return changeProfile(command, user);
    }
    case 'DisableUser': {
      const user = existing(state, userId);
      notSelf(actor, userId, 'disable');
      if (user.status === 'disabled')
        throw new IllegalStateError(`user ${userId} is already disabled`, { userId });
      return [{ type: 'UserDisabled', schemaVersion: 1, data: { userId } }];
    }
    case 'EnableUser': {
      const user = existing(state, userId);
      if (user.status === 'enabled')
        throw new IllegalStateError(`user ${userId} is already enabled`, { userId });
      return [{ type: 'UserEnabled', schemaVersion: 1, data: { userId } }];
    }
    case 'RecordPasswordChange': {
      existing(state, userId);
      return [
        {
          type: 'UserPasswordChanged',
          schemaVersion: 1,
          data: { userId, changedAt: command.metadata.now },
        },
      ];
    }
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
}

function existing(state: UserState, userId: string): ExistingUser {
  if (state.status === 'none') throw new NotFoundError(`user ${userId} does not exist`, { userId });
  return state;
}

function notSelf(actor: Actor, userId: string, what: string): void {
  if (actor.id === userId)
    throw new ForbiddenError(`an admin may not ${what} their own account`, { userId });
}

function validProfile(input: { name: string; role: Role; unit?: string | null }): UserProfile {
  const name = input.name?.trim();
  if (!name || name.length > MAX_TEXT)
    throw new RuleViolationError(`name must be 1 to ${MAX_TEXT} characters`);
  if (!ROLES.includes(input.role))
    throw new RuleViolationError(`role must be one of ${ROLES.join(', ')}`, { role: input.role });
  const unit = input.unit?.trim() || undefined;
  if (unit !== undefined && unit.length > MAX_TEXT)
    throw new RuleViolationError(`unit must be at most ${MAX_TEXT} characters`);
  if (input.role === 'lead' && unit === undefined)
    throw new RuleViolationError('a lead needs the unit it acts for', { role: input.role });
  return compact({ name, role: input.role, unit });
}

function changeProfile(command: ChangeUser, user: ExistingUser): UserEvent[] {
  const { userId, name, role, unit } = command.data;
  if (role !== undefined && role !== 'admin') notSelf(command.metadata.actor, userId, 'demote');
  const next = validProfile({
    name: name ?? user.name,
    role: role ?? user.role,
    unit: unit === undefined ? user.unit : unit,
  });
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of ['name', 'role', 'unit'] as const) {
    if (user[field] === next[field]) continue;
    if (user[field] !== undefined) before[field] = user[field];
    if (next[field] !== undefined) after[field] = next[field];
  }
  if (Object.keys(before).length === 0 && Object.keys(after).length === 0)
    throw new RuleViolationError('the change leaves the user as they are', { userId });
  return [
    {
      type: 'UserProfileChanged',
      schemaVersion: 1,
      data: { userId, before, after },
    },
  ];
}
