import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedSecret {
  readonly secret: string;
  /** Where the secret lives when it was generated or read from the data directory. */
  readonly file?: string;
  readonly generated: boolean;
}

export const SECRET_FILE_NAME = 'auth-jwt-secret';

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
