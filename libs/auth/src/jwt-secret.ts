import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedSecret {
  readonly secret: string;
  /** Where the secret lives when it was generated or read from the data directory. */
  readonly file?: string;
  readonly generated: boolean;
}

export const SECRET_FILE_NAME = 'auth-jwt-secret';
/** Where the service notes which secret it verifies with (a hash, never the secret itself). */
export const SECRET_FINGERPRINT_FILE_NAME = 'auth-jwt-secret.fingerprint';

/** A secret the CLI may not use: none found, or not the one the service uses. */
export class TokenSecretError extends Error {}

/**
 * AUTH_JWT_SECRET wins. Without it, a zero-setup install keeps a generated secret in the data
 * directory so tokens minted once stay valid across restarts.
 */
export function resolveJwtSecret(envSecret: string | undefined, dataDir: string): ResolvedSecret {
  if (envSecret && envSecret.length > 0) return { secret: envSecret, generated: false };
  const file = join(dataDir, SECRET_FILE_NAME);
  if (existsSync(file))
    return { secret: readFileSync(file, 'utf8').trim(), file, generated: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, file, generated: true };
}

/** A short hash that tells two secrets apart without revealing either. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(`duty-ledger token secret\n${secret}`, 'utf8').digest('hex');
}

/** Called by the service on start: the CLI checks its secret against this. */
export function recordSecretFingerprint(secret: string, dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, SECRET_FINGERPRINT_FILE_NAME), `${secretFingerprint(secret)}\n`, {
    mode: 0o600,
  });
}

/**
 * The secret the service of this data directory verifies tokens with, for the CLI: AUTH_JWT_SECRET
 * or the generated file, and never a new one. Refused when the service last started with another.
 */
export function existingJwtSecret(envSecret: string | undefined, dataDir: string): string {
  const file = join(dataDir, SECRET_FILE_NAME);
  let secret: string;
  if (envSecret && envSecret.length > 0) secret = envSecret;
  else if (existsSync(file)) secret = readFileSync(file, 'utf8').trim();
  else
    throw new TokenSecretError(
      `No token secret: AUTH_JWT_SECRET is unset and ${file} does not exist. ` +
        'Start the service once with the same DATA_DIR (it generates the secret), or set the AUTH_JWT_SECRET the service uses.',
    );
  const fingerprintFile = join(dataDir, SECRET_FINGERPRINT_FILE_NAME);
  if (existsSync(fingerprintFile)) {
    const expected = readFileSync(fingerprintFile, 'utf8').trim();
    if (expected !== secretFingerprint(secret))
      throw new TokenSecretError(
        `The service in ${dataDir} verifies tokens with another secret than ${envSecret ? 'AUTH_JWT_SECRET' : file}; ` +
          'set AUTH_JWT_SECRET (or unset it) as the service has it, and DATA_DIR to its data directory.',
      );
  }
  return secret;
}
