import { generatePassword, readUser, type AuthStore } from '@duty-ledger/auth';
import type { Clock } from '@duty-ledger/clock';
import { IllegalStateError } from '@duty-ledger/domain';
import { WrongExpectedVersionError, type EventStore } from '@duty-ledger/event-store';
import { actorContext } from '../shared/command-context';
import { UserAdmin } from './user-admin';

export const FIRST_ADMIN_ID = 'admin';
const SETUP_ACTOR = { id: 'system:setup', role: 'admin' as const, name: '初始化' };

/**
 * On a store without the user `admin`, creates it with a random password and hands the password
 * back once, to be shown to whoever started the service (as Grafana and Jenkins do); only its
 * hash is kept. Undefined when `admin` exists, also when another replica created it just now.
 */
export async function createFirstAdmin(
  store: EventStore,
  authStore: AuthStore,
  clock: Clock,
): Promise<{ readonly userId: string; readonly password: string } | undefined> {
  if (await readUser(store, FIRST_ADMIN_ID)) return undefined;
  const password = generatePassword();
  const context = actorContext(SETUP_ACTOR, clock.now().toISOString());
  try {
    await new UserAdmin(store, authStore, clock).create(
      context,
      { userId: FIRST_ADMIN_ID, name: '管理员', role: 'admin' },
      password,
    );
  } catch (error) {
    if (error instanceof IllegalStateError || error instanceof WrongExpectedVersionError)
      return undefined;
    throw error;
  }
  return { userId: FIRST_ADMIN_ID, password };
}
