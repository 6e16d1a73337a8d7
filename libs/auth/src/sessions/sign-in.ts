import type { Clock } from '@duty-ledger/clock';
import type { ExistingUser } from '@duty-ledger/domain';
import type { EventStore } from '@duty-ledger/event-store';
import { DECOY_HASH, verifyPassword } from '../passwords/password-hash';
import { MAX_PASSWORD_LENGTH } from '../passwords/password-policy';
import type { Principal } from '../principal';
import type { AuthStore } from '../store/auth-store';
import { readUser } from '../users/user-directory';
import { newSessionToken, sessionIdOf } from './session-token';
import type { SignInThrottle } from './sign-in-throttle';

export type SignInOutcome =
  | { readonly ok: true; readonly token: string; readonly principal: Principal }
  | { readonly ok: false; readonly reason: 'refused' }
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterMs: number };

export interface SessionOf {
  readonly principal: Principal;
  readonly sessionId: string;
}

export const principalOfUser = (user: ExistingUser): Principal => ({
  sub: user.userId,
  role: user.role,
  name: user.name,
  ...(user.unit !== undefined ? { unit: user.unit } : {}),
});

/**
 * Password sign-in and server-side sessions. Every request with a session reads the session and
 * the user's stream again, so a sign-out, a disabled user, a changed role or password holds on
 * every replica from the next request on.
 */
export class SignIn {
  constructor(
    private readonly store: EventStore,
    private readonly authStore: AuthStore,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    private readonly sessionTtlMs: number,
  ) {}

  async signIn(username: string, password: string, address: string): Promise<SignInOutcome> {
    const now = this.clock.now();
    const keys = [`user:${username.toLowerCase()}`, `address:${address}`];
    const retryAfterMs = this.throttle.retryAfterMs(keys, now.getTime());
    if (retryAfterMs > 0) return { ok: false, reason: 'throttled', retryAfterMs };

    const user = await readUser(this.store, username);
    const hash = user ? await this.authStore.passwordHash(user.userId) : undefined;
    // Unknown users and users without a password cost the same scrypt as a wrong password.
    const matches =
      password.length <= MAX_PASSWORD_LENGTH &&
      (await verifyPassword(password, hash ?? DECOY_HASH)) &&
      hash !== undefined;
    if (!user || !matches || user.status !== 'enabled') {
      this.throttle.recordFailure(keys, now.getTime());
      return { ok: false, reason: 'refused' };
    }
    this.throttle.clear(keys[0]);
    const token = newSessionToken();
    await this.authStore.saveSession(sessionIdOf(token), {
      userId: user.userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.sessionTtlMs).toISOString(),
    });
    return { ok: true, token, principal: principalOfUser(user) };
  }

  /** The signed-in user of a session token, or undefined when it no longer counts. */
  async resolve(token: string): Promise<SessionOf | undefined> {
    const sessionId = sessionIdOf(token);
    const session = await this.authStore.session(sessionId);
    const now = this.clock.now().toISOString();
    if (!session || session.endedAt !== undefined || session.expiresAt <= now) return undefined;
    const user = await readUser(this.store, session.userId);
    if (!user || user.status !== 'enabled') return undefined;
    if (user.passwordChangedAt !== undefined && session.createdAt < user.passwordChangedAt)
      return undefined;
    return { principal: principalOfUser(user), sessionId };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.authStore.endSession(sessionId, this.clock.now().toISOString());
  }
}
