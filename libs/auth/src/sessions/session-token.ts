import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session token: 256 random bits, known only to the browser (in an HttpOnly cookie). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the server keeps: the token's hash, so a copy of the session table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(`dl-session\u0000${token}`).digest('base64url');
}

/**
 * The CSRF token of a session, derived from its token: the page reads it from the dl_csrf cookie
 * and sends it back as X-CSRF-Token. Another site can make the browser send the cookies but cannot
 * read them, so it cannot send the header; and nobody without the session token can compute it.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`dl-csrf\u0000${sessionToken}`).digest('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
