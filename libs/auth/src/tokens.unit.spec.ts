import { sign } from 'jsonwebtoken';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidTokenError, mintToken, verifyToken } from './tokens';
import {
  existingJwtSecret,
  recordSecretFingerprint,
  resolveJwtSecret,
  TokenSecretError,
} from './jwt-secret';

const secret = 'test-secret-of-enough-length-for-hs256';

describe('bearer tokens', () => {
  it('round-trips a lead token with a Chinese unit name unchanged', () => {
    const token = mintToken(secret, {
      sub: 'li.na',
      role: 'lead',
      unit: '区委网信办',
      name: '李娜',
    });
    expect(verifyToken(secret, token)).toEqual({
      sub: 'li.na',
      role: 'lead',
      unit: '区委网信办',
      name: '李娜',
    });
  });

  it('refuses a token signed with another secret', () => {
    const token = mintToken('another-secret-another-secret-xx', { sub: 'x', role: 'supervisor' });
    expect(() => verifyToken(secret, token)).toThrow(InvalidTokenError);
  });

  it('refuses an expired token', () => {
    const token = sign({ role: 'viewer', exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      algorithm: 'HS256',
      subject: 'v',
    });
    expect(() => verifyToken(secret, token)).toThrow('token expired');
  });

  it('refuses algorithms other than HS256', () => {
    const token = sign({ role: 'admin' }, secret, { algorithm: 'HS512', subject: 'a' });
    expect(() => verifyToken(secret, token)).toThrow(InvalidTokenError);
  });

  it('refuses an unsigned token (alg none) and a payload altered after signing', () => {
    const good = mintToken(secret, { sub: 'l', role: 'lead', unit: '区数据局' });
    const [, payload, signature] = good.split('.');
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const altered = `${good.split('.')[0]}.${b64({ sub: 'l', role: 'admin' })}.${signature}`;

    expect(() => verifyToken(secret, unsigned)).toThrow(InvalidTokenError);
    expect(() => verifyToken(secret, altered)).toThrow(InvalidTokenError);
  });

  describe('given a token verified once', () => {
    afterEach(() => jest.useRealTimers());

    it('when it is verified again before it expires, then the same principal comes back; once expired, it is refused', () => {
      jest.useFakeTimers({ now: new Date('2024-06-15T02:00:00Z') });
      const token = mintToken(secret, { sub: 's', role: 'supervisor', expiresIn: 60 });
      const first = verifyToken(secret, token);

      expect(verifyToken(secret, token)).toEqual(first);
      jest.setSystemTime(new Date('2024-06-15T02:01:00Z'));
      expect(() => verifyToken(secret, token)).toThrow('token expired');
    });

    it('when it is presented with another secret, then it is refused', () => {
      const token = mintToken(secret, { sub: 's', role: 'supervisor' });
      verifyToken(secret, token);

      expect(() => verifyToken('another-secret-another-secret-xx', token)).toThrow(
        InvalidTokenError,
      );
    });
  });

  it('refuses a token without an expiry, and mints every token with one', () => {
    const forever = sign({ role: 'admin' }, secret, { algorithm: 'HS256', subject: 'a' });
    expect(() => verifyToken(secret, forever)).toThrow('token has no exp claim');
    const minted = mintToken(secret, { sub: 'a', role: 'admin' });
    const payload = JSON.parse(Buffer.from(minted.split('.')[1], 'base64url').toString('utf8'));
    expect(payload.exp - payload.iat).toBe(12 * 3600);
  });

  it('refuses an unknown role and a lead without a unit', () => {
    const options = { algorithm: 'HS256', expiresIn: 60 } as const;
    const badRole = sign({ role: 'root' }, secret, { ...options, subject: 'r' });
    const leadWithoutUnit = sign({ role: 'lead' }, secret, { ...options, subject: 'l' });
    expect(() => verifyToken(secret, badRole)).toThrow('role');
    expect(() => verifyToken(secret, leadWithoutUnit)).toThrow('unit');
    expect(() => mintToken(secret, { sub: 'l', role: 'lead' })).toThrow(InvalidTokenError);
  });
});

describe('the token secret', () => {
  it('prefers AUTH_JWT_SECRET and writes nothing then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
    expect(resolveJwtSecret('from-env', dir)).toEqual({ secret: 'from-env', generated: false });
  });

  it('generates a secret once into the data directory and reuses it on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
    const first = resolveJwtSecret(undefined, dir);
    const second = resolveJwtSecret(undefined, dir);
    expect(first.generated).toBe(true);
    expect(second).toEqual({ secret: first.secret, file: first.file, generated: false });
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.secret);
    expect(statSync(first.file!).mode & 0o077).toBe(0);
  });

  describe('as the CLI finds it', () => {
    it('when the data directory holds no secret, then it is refused and none is created', () => {
      const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
      expect(() => existingJwtSecret(undefined, dir)).toThrow(TokenSecretError);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('when the service generated one, then the CLI signs with the same', () => {
      const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
      const service = resolveJwtSecret(undefined, dir);
      recordSecretFingerprint(service.secret, dir);
      expect(existingJwtSecret(undefined, dir)).toBe(service.secret);
    });

    it('when the service verifies with AUTH_JWT_SECRET, then the file secret or another one is refused', () => {
      const dir = mkdtempSync(join(tmpdir(), 'dl-secret-'));
      resolveJwtSecret(undefined, dir); // left from an earlier start without AUTH_JWT_SECRET
      recordSecretFingerprint('the-service-secret', dir);
      expect(() => existingJwtSecret(undefined, dir)).toThrow('another secret');
      expect(() => existingJwtSecret('a-typo', dir)).toThrow(TokenSecretError);
      expect(existingJwtSecret('the-service-secret', dir)).toBe('the-service-secret');
      expect(existsSync(join(dir, 'auth-jwt-secret.fingerprint'))).toBe(true);
    });
  });
});
