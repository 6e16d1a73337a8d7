import { createSecretKey, type KeyObject } from 'node:crypto';
import { sign, verify, JsonWebTokenError, TokenExpiredError } from 'jsonwebtoken';
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

interface Verified {
  readonly principal: Principal;
  /** exp of the token, in seconds; a cached token is refused from then on. */
  readonly exp: number;
}

/** Tokens verified with one secret; a client sends the same token with every request. */
interface Verifier {
  readonly key: KeyObject;
  readonly verified: Map<string, Verified>;
}

const MAX_VERIFIED_TOKENS = 1024;
const verifiers = new Map<string, Verifier>();

function verifierOf(secret: string): Verifier {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = { key: createSecretKey(Buffer.from(secret, 'utf8')), verified: new Map() };
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Verifies an HS256 token and returns its principal; rejects other algorithms and bad claims. A
 * token verified before with the same secret is answered from memory until its exp: the same
 * string with the same key can only verify the same way, and nbf, once passed, stays passed.
 */
export function verifyToken(secret: string, token: string): Principal {
  const verifier = verifierOf(secret);
  const known = verifier.verified.get(token);
  if (known && Math.floor(Date.now() / 1000) < known.exp) return known.principal;
  if (known) verifier.verified.delete(token);
  const verified = principalOf(verifier.key, token);
  if (verifier.verified.size >= MAX_VERIFIED_TOKENS)
    verifier.verified.delete(verifier.verified.keys().next().value as string);
  verifier.verified.set(token, verified);
  return verified.principal;
}

function principalOf(key: KeyObject, token: string): Verified {
  let decoded: unknown;
  try {
    decoded = verify(token, key, { algorithms: ['HS256'] });
  } catch (error) {
    if (error instanceof TokenExpiredError) throw new InvalidTokenError('token expired');
    if (error instanceof JsonWebTokenError)
      throw new InvalidTokenError(`invalid token: ${error.message}`);
    throw error;
  }
  if (typeof decoded !== 'object' || decoded === null)
    throw new InvalidTokenError('invalid token payload');
  const payload = decoded as Record<string, unknown>;
  const { sub, role, unit, name } = payload;
  // A token without an expiry would be valid for ever once leaked.
  if (typeof payload.exp !== 'number')
    throw new InvalidTokenError('token has no exp claim: tokens must expire');
  if (typeof sub !== 'string' || sub.length === 0)
    throw new InvalidTokenError('token has no sub claim');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError('token role must be one of admin, supervisor, lead, viewer');
  }
  if (unit !== undefined && typeof unit !== 'string')
    throw new InvalidTokenError('token unit must be a string');
  if (role === 'lead' && !unit) throw new InvalidTokenError('a lead token must name its unit');
  // Frozen: every request with this token shares the object.
  const principal: Principal = Object.freeze({
    sub,
    role: role as Role,
    ...(typeof unit === 'string' ? { unit } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  });
  return { principal, exp: payload.exp as number };
}
