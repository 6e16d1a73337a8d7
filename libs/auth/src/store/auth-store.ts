/** A session as the server keeps it, under the hash of its token (see session-token.ts). */
export interface StoredSession {
  readonly userId: string;
  /** ISO instants. */
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Set once the session was ended by signing out; it never works again. */
  readonly endedAt?: string;
}

/**
 * The secrets of signing in, kept apart from the event log: the log is the public record (exports,
 * audit feeds, proofs of the log carry it), a password hash or a live session is not. Every API
 * replica must reach the same AuthStore so that a sign-out holds everywhere at once; see
 * libs/auth/README.md for where each adapter keeps them.
 */
export interface AuthStore {
  passwordHash(userId: string): Promise<string | undefined>;
  setPasswordHash(userId: string, hash: string, at: string): Promise<void>;
  saveSession(sessionId: string, session: StoredSession): Promise<void>;
  session(sessionId: string): Promise<StoredSession | undefined>;
  endSession(sessionId: string, at: string): Promise<void>;
  close(): Promise<void>;
}

export const AUTH_STORE = Symbol('AUTH_STORE');
