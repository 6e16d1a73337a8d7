import { DEFAULT_SESSION, durationMs, loadDataConfig } from './config';

describe('session settings from the environment', () => {
  it('reads SESSION_TTL as seconds or with a unit, and defaults to 12 hours', () => {
    expect(durationMs('SESSION_TTL', '3600', 1)).toBe(3600_000);
    expect(durationMs('SESSION_TTL', '30m', 1)).toBe(1800_000);
    expect(durationMs('SESSION_TTL', '7d', 1)).toBe(7 * 86_400_000);
    expect(loadDataConfig({}).session).toEqual(DEFAULT_SESSION);
    expect(DEFAULT_SESSION.ttlMs).toBe(12 * 3600_000);
  });

  it('refuses a lifetime it cannot read, or one under a second, naming the variable', () => {
    expect(() => durationMs('SESSION_TTL', '12 hours', 1)).toThrow('SESSION_TTL');
    expect(() => durationMs('SESSION_TTL', '0', 1)).toThrow('SESSION_TTL');
  });

  it('marks cookies Secure when SESSION_COOKIE_SECURE says so', () => {
    expect(loadDataConfig({ SESSION_COOKIE_SECURE: 'true', SESSION_TTL: '1h' }).session).toEqual({
      ttlMs: 3600_000,
      secureCookies: true,
    });
  });
});
