import { parseCookies, serializeCookie } from './cookies';
import { csrfTokenOf, newSessionToken, sessionIdOf } from './session-token';
import { SignInThrottle } from './sign-in-throttle';

describe('session cookies', () => {
  it('reads the first of a repeated cookie, unquotes and unescapes values, and skips malformed ones', () => {
    const cookies = parseCookies(
      'a=1; dl_session="x%2Fy"; dl_session=second; broken=%E0%A4%A; =nameless',
    );
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['dl_session', 'x/y'],
    ]);
  });

  it('writes SameSite=Strict and Path=/ always, HttpOnly and Secure when asked', () => {
    expect(serializeCookie('dl_csrf', 'v', { maxAge: 60, httpOnly: false, secure: false })).toBe(
      'dl_csrf=v; Path=/; Max-Age=60; SameSite=Strict',
    );
    expect(serializeCookie('dl_session', '', { maxAge: 0, httpOnly: true, secure: true })).toBe(
      'dl_session=; Path=/; Max-Age=0; SameSite=Strict; HttpOnly; Secure',
    );
  });

  it('keeps only a hash of the session token and derives a CSRF token only its holder can compute', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(sessionIdOf(token)).not.toContain(token);
    expect(csrfTokenOf(token)).not.toBe(csrfTokenOf(newSessionToken()));
    expect(csrfTokenOf(token)).not.toBe(sessionIdOf(token));
  });
});

describe('the sign-in throttle', () => {
  it('given 5 failures of a key within a minute, when it tries again, then it waits until the oldest leaves the minute', () => {
    const throttle = new SignInThrottle(5, 60_000);
    for (let i = 0; i < 5; i += 1) throttle.recordFailure(['user:li.na', `address:${i}`], i * 1000);

    expect(throttle.retryAfterMs(['user:li.na', 'address:9'], 10_000)).toBe(50_000);
    expect(throttle.retryAfterMs(['user:wang', 'address:1'], 10_000)).toBe(0);
    expect(throttle.retryAfterMs(['user:li.na'], 60_001)).toBe(0);
  });

  it('given failures, when the user signs in, then the user is cleared but not the address', () => {
    const throttle = new SignInThrottle(2, 60_000);
    throttle.recordFailure(['user:li.na', 'address:a'], 0);
    throttle.recordFailure(['user:li.na', 'address:a'], 1);
    throttle.clear('user:li.na');

    expect(throttle.retryAfterMs(['user:li.na'], 2)).toBe(0);
    expect(throttle.retryAfterMs(['address:a'], 2)).toBeGreaterThan(0);
  });

  it('given more keys than it may hold, then it forgets rather than grows', () => {
    const throttle = new SignInThrottle(1, 60_000, 4);
    for (let i = 0; i < 10; i += 1) throttle.recordFailure([`user:${i}`], 0);
    expect(throttle.retryAfterMs(['user:9'], 1)).toBeGreaterThan(0);
    expect(throttle.retryAfterMs(['user:0'], 1)).toBe(0);
  });
});
