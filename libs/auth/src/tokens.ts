import { createSecretKey, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { Hs256Error, verifyHs256 } from './hs256';
import { ROLES, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

export interface MintOptions {
  readonly sub: string;
  readonly role: Role;
  readonly unit?: string;
  readonly name?: string;
  /** Seconds, or a duration such as "8h", "30d". */
  readonly expiresIn?: number | string;
}

export function mintToken(secret: string, options: MintOptions): string {
  if (options.role === 'lead' && !options.unit) {
    throw new InvalidTokenError('a lead token needs the unit it acts for');
  }
  const claims: Record<string, string> = { role: options.role };
  if (options.unit) claims.unit = options.unit;
  if (options.name) claims.name = options.name;
  return sign(claims, secret, {
    algorithm: 'HS256',
    subject: options.sub,
    expiresIn: (options.expiresIn ?? '12h') as never,
  });
}

const keys = new Map<string, KeyObject>();

/** Every request verifies a token: the key object is made once per secret. */
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** Verifies an HS256 token and returns its principal; rejects other algorithms and bad claims. */
export function verifyToken(secret: string, token: string): Principal {
  let payload: Record<string, unknown>;
  try {
    payload = verifyHs256(token, keyOf(secret));
  } catch (error) {
    if (!(error instanceof Hs256Error)) throw error;
    if (error.expired) throw new InvalidTokenError('token expired');
    if (error.message === 'invalid token payload') throw new InvalidTokenError(error.message);
    throw new InvalidTokenError(`invalid token: ${error.message}`);
  }
  const { sub, role, unit, name } = payload;
  if (typeof sub !== 'string' || sub.length === 0)
    throw new InvalidTokenError('token has no sub claim');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError('token role must be one of admin, supervisor, lead, viewer');
  }
  if (unit !== undefined && typeof unit !== 'string')
    throw new InvalidTokenError('token unit must be a string');
  if (role === 'lead' && !unit) throw new InvalidTokenError('a lead token must name its unit');
  return {
    sub,
    role: role as Role,
    ...(typeof unit === 'string' ? { unit } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}
