import { resolve } from 'node:path';
import { resolveJwtSecret } from '@duty-ledger/auth';

export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly jwtSecret: string;
  /** Set when the secret was generated into the data directory on this start. */
  readonly jwtSecretFile?: string;
  readonly jwtSecretGenerated: boolean;
  readonly eventStoreConnectionString?: string;
  readonly fsync: boolean;
  readonly seedsDir: string;
  readonly seedOnStart: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** Everything the service reads from its environment, in one place (see the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const secret = resolveJwtSecret(env.AUTH_JWT_SECRET, dataDir);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    jwtSecret: secret.secret,
    jwtSecretFile: secret.file,
    jwtSecretGenerated: secret.generated,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    fsync: flag(env.EVENT_STORE_FSYNC, true),
    seedsDir: resolve(env.SEEDS_DIR || './seeds'),
    seedOnStart: flag(env.SEED_PLAN, true),
  };
}
