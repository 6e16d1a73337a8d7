import { createHmac, createSecretKey } from 'node:crypto';
import { sign, verify } from 'jsonwebtoken';
import { Hs256Error, verifyHs256 } from './hs256';

const secret = 'test-secret-of-enough-length-for-hs256';
const key = createSecretKey(Buffer.from(secret));
const now = Math.floor(Date.now() / 1000);

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token with any header and payload text, signed with `secret` as HS256 would be. */
function handMade(header: unknown, payload: unknown, withSecret = secret): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', withSecret).update(input).digest('base64url')}`;
}

const claims = { sub: 'li.na', role: 'lead', unit: '区委网信办', name: '李娜' };
const good = sign(claims, secret, { algorithm: 'HS256', expiresIn: '1h' });
const [goodHeader, goodPayload, goodSignature] = good.split('.');
const swapLast = (text: string) => text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The last of 43 characters carries 4 bits and 2 unused ones: flipping one gives the same bytes. */
const samePaddingBitsAside = (text: string) =>
  text.slice(0, -1) + BASE64URL[BASE64URL.indexOf(text[text.length - 1]) ^ 1];

/** Each case: a token jsonwebtoken's verify (HS256 only) either accepts or refuses. */
const cases: [string, string][] = [
  ['a token it signed', good],
  ['a token without exp', sign(claims, secret, { algorithm: 'HS256' })],
  [
    'a token whose nbf has passed',
    sign({ ...claims, nbf: now - 5 }, secret, { algorithm: 'HS256' }),
  ],
  ['another secret', sign(claims, 'another-secret-another-secret-xx', { algorithm: 'HS256' })],
  ['HS384', sign(claims, secret, { algorithm: 'HS384' })],
  ['HS512', sign(claims, secret, { algorithm: 'HS512' })],
  ['alg none, unsigned', `${b64({ alg: 'none', typ: 'JWT' })}.${goodPayload}.`],
  [
    'alg none with a signature',
    `${b64({ alg: 'none', typ: 'JWT' })}.${goodPayload}.${goodSignature}`,
  ],
  [
    'a payload changed after signing',
    `${goodHeader}.${b64({ ...claims, role: 'admin' })}.${goodSignature}`,
  ],
  ['a changed signature', `${goodHeader}.${goodPayload}.${swapLast(goodSignature)}`],
  [
    'a signature re-encoded with other unused bits',
    `${goodHeader}.${goodPayload}.${samePaddingBitsAside(goodSignature)}`,
  ],
  ['no signature', `${goodHeader}.${goodPayload}.`],
  ['expired', sign({ ...claims, exp: now - 10 }, secret, { algorithm: 'HS256' })],
  ['expiring this second', sign({ ...claims, exp: now }, secret, { algorithm: 'HS256' })],
  ['not active yet', sign({ ...claims, nbf: now + 60 }, secret, { algorithm: 'HS256' })],
  ['exp as text', handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: String(now + 60) })],
  ['nbf as text', handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, nbf: 'soon' })],
  ['two segments', `${goodHeader}.${goodPayload}`],
  ['four segments', `${good}.${goodSignature}`],
  ['empty', ''],
  ['base64 instead of base64url', `${goodHeader}+.${goodPayload}.${goodSignature}`],
  ['a header that is not JSON', `${b64('not json')}.${goodPayload}.${goodSignature}`],
  ['a header without typ', handMade({ alg: 'HS256' }, claims)],
  ['a header with alg in another case', handMade({ alg: 'hs256', typ: 'JWT' }, claims)],
];

function referenceAccepts(token: string): boolean {
  try {
    verify(token, key, { algorithms: ['HS256'] });
    return true;
  } catch {
    return false;
  }
}

function accepts(token: string): boolean {
  try {
    verifyHs256(token, key, now);
    return true;
  } catch (error) {
    if (!(error instanceof Hs256Error)) throw error;
    return false;
  }
}

describe('verifyHs256', () => {
  it.each(cases)('accepts or refuses %s as jsonwebtoken does', (_, token) => {
    expect(accepts(token)).toBe(referenceAccepts(token));
  });

  it('refuses what jsonwebtoken refuses and accepts the rest (the table has both)', () => {
    const verdicts = cases.map(([, token]) => referenceAccepts(token));
    expect(verdicts.filter(Boolean).length).toBe(4);
  });

  it('the re-encoded signature case is the same signature bytes in other text', () => {
    const other = samePaddingBitsAside(goodSignature);
    expect(other).not.toBe(goodSignature);
    expect(Buffer.from(other, 'base64url')).toEqual(Buffer.from(goodSignature, 'base64url'));
  });

  it('returns the claims jsonwebtoken returns', () => {
    expect(verifyHs256(good, key, now)).toEqual(verify(good, key, { algorithms: ['HS256'] }));
  });

  it('tells an expired token apart', () => {
    const expired = sign({ ...claims, exp: now - 10 }, secret, { algorithm: 'HS256' });
    expect(() => verifyHs256(expired, key, now)).toThrow(
      expect.objectContaining({ expired: true, message: 'jwt expired' }),
    );
  });

  it('refuses a signed payload that is not a JSON object', () => {
    expect(() => verifyHs256(handMade({ alg: 'HS256', typ: 'JWT' }, '"text"'), key, now)).toThrow(
      'invalid token payload',
    );
    expect(() => verifyHs256(handMade({ alg: 'HS256', typ: 'JWT' }, [1, 2]), key, now)).toThrow(
      'invalid token payload',
    );
  });
});
