import { resolve } from 'node:path';
import { USER_STREAM_PREFIX } from '@duty-ledger/domain';
import { resolveJwtSecret } from '@duty-ledger/auth';
import { SEAL_STREAM, sealKeyPath } from '@duty-ledger/record-integrity';
import { IDEMPOTENCY_STREAM_PREFIX } from '@duty-ledger/commands';
import { DEFAULT_REVISION_POLICY, type RevisionPolicy } from '@duty-ledger/domain';
import type { LoggerConfig } from '@duty-ledger/observability';
import { PROJECTED_STREAMS } from '@duty-ledger/projections';

export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly jwtSecret: string;
  /** Set when the secret was generated into the data directory on this start. */
  readonly jwtSecretFile?: string;
  readonly jwtSecretGenerated: boolean;
  readonly eventStoreConnectionString?: string;
  /** The streams Duty Ledger owns on a shared EventStoreDB node (EVENTSTORE_OWNED_STREAMS). */
  readonly eventStoreOwnedStreams: readonly string[];
  readonly fsync: boolean;
  readonly seedsDir: string;
  readonly seedOnStart: boolean;
  /** The in-memory cache of read answers; absent means on, with the defaults below. */
  readonly readCache?: ReadCacheConfig;
  /** Sign-in sessions; absent means the defaults below. */
  readonly session?: SessionConfig;
  /** The built web app served at / (scripts/build-web.js writes it); absent: no pages. */
  readonly webDir?: string;
  /** Log level and format; absent means info, JSON (what tests and services want). */
  readonly log?: LoggerConfig;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string;
  /** How long SIGTERM may take: past it the process exits with status 1 (ms). */
  readonly shutdownTimeoutMs?: number;
  /** Which target changes need a second supervisor; absent means the defaults (four eyes). */
  readonly revisionPolicy?: RevisionPolicy;
  /** Seals over the log and their checks; what is absent takes the defaults below. */
  readonly record?: Partial<RecordConfig>;
}

export interface RecordConfig {
  /** The installation's signing key (RECORD_SEAL_KEY_FILE, default DATA_DIR/record-seal-key.pem). */
  readonly keyFile: string;
  /** RECORD_TRUSTED_KEYS: public key files (comma-separated) whose seals hold besides the installation's own. */
  readonly trustedKeyFiles: readonly string[];
  /** RECORD_KEEPER, default on: off neither seals nor checks the log (a test server shared by many). */
  readonly enabled: boolean;
  /** RECORD_SEALING, default on: off checks seals without writing any. */
  readonly sealing: boolean;
  /** Seal after this many new events (RECORD_SEAL_EVERY, default 1000)… */
  readonly sealEvery: number;
  /** …or this long after the first unsealed one (RECORD_SEAL_INTERVAL_MS, default 60000). */
  readonly sealIntervalMs: number;
  /** How often the log after the last verified seal is read back and checked (RECORD_VERIFY_INTERVAL_MS, default 300000). */
  readonly verifyIntervalMs: number;
  /** RECORD_VERIFY_ON_START: full (default) reads the whole log back in the background; tail only what follows the last verified seal. */
  readonly verifyOnStart: 'full' | 'tail';
}

export function defaultRecordConfig(dataDir: string): RecordConfig {
  return {
    keyFile: sealKeyPath(dataDir),
    trustedKeyFiles: [],
    enabled: true,
    sealing: true,
    sealEvery: 1000,
    sealIntervalMs: 60_000,
    verifyIntervalMs: 300_000,
    verifyOnStart: 'full',
  };
}

export interface SessionConfig {
  /** How long a session lasts after sign-in (SESSION_TTL: seconds or 30m, 12h, 7d; default 12h). */
  readonly ttlMs: number;
  /** Cookies Secure even on plain http, for a proxy that terminates TLS (SESSION_COOKIE_SECURE). */
  readonly secureCookies: boolean;
}

export const DEFAULT_SESSION: SessionConfig = { ttlMs: 12 * 3600_000, secureCookies: false };

const DURATION_UNITS_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3600_000,
  d: 86_400_000,
};

/** A lifetime as seconds ("3600") or with a unit ("30m", "12h", "7d"), in milliseconds. */
export function durationMs(name: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined || value === '') return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec(value.trim());
  const ms = m ? Number(m[1]) * DURATION_UNITS_MS[m[2] || 's'] : NaN;
  if (!(ms >= 1000))
    throw new Error(`${name} must be a duration such as 3600, 30m, 12h or 7d, got '${value}'`);
  return ms;
}

export const DEFAULT_LOG: LoggerConfig = { level: 'info', pretty: false };
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ReadCacheConfig {
  readonly enabled: boolean;
  /** The most the cached bodies may hold together (READ_CACHE_MAX_MB, default 128). */
  readonly maxBytes: number;
  /** How long an answer about now (no asOf) is reused (READ_CACHE_TTL_MS, default 5000). */
  readonly ttlMs: number;
}

export const DEFAULT_READ_CACHE: ReadCacheConfig = {
  enabled: true,
  maxBytes: 128 * 1024 * 1024,
  ttlMs: 5000,
};

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, got '${value}'`);
  return n;
}

/**
 * The streams Duty Ledger writes: what its read models follow, its users, its idempotency records
 * and its seals. Not the AuthStore's `auth-` streams: they hold secrets, read by name only, and a
 * read of $all must never meet them.
 */
export const DUTY_LEDGER_STREAMS: readonly string[] = [
  ...(PROJECTED_STREAMS.streamNamePrefixes ?? []),
  USER_STREAM_PREFIX,
  IDEMPOTENCY_STREAM_PREFIX,
  SEAL_STREAM,
];

function prefixList(value: string | undefined, fallback: readonly string[]): readonly string[] {
  if (value === undefined || value.trim() === '') return fallback;
  return value
    .split(',')
    .map((prefix) => prefix.trim())
    .filter((prefix) => prefix !== '');
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** The data directory, read without touching it (loadConfig may generate a secret into it). */
export function dataDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR || './data');
}

/** Everything the service reads from its environment, in one place (see the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const config = loadDataConfig(env);
  const secret = resolveJwtSecret(env.AUTH_JWT_SECRET, config.dataDir);
  return {
    ...config,
    jwtSecret: secret.secret,
    jwtSecretFile: secret.file,
    jwtSecretGenerated: secret.generated,
  };
}

export type DataConfig = Omit<ApiConfig, 'jwtSecret' | 'jwtSecretFile' | 'jwtSecretGenerated'>;

/**
 * The environment without the token secret: what the CLI reads, since it must never generate a
 * secret of its own (the service would reject the tokens signed with it).
 */
export function loadDataConfig(env: NodeJS.ProcessEnv = process.env): DataConfig {
  const dataDir = dataDirFrom(env);
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    eventStoreOwnedStreams: prefixList(env.EVENTSTORE_OWNED_STREAMS, DUTY_LEDGER_STREAMS),
    fsync: flag(env.EVENT_STORE_FSYNC, true),
    seedsDir: resolve(env.SEEDS_DIR || './seeds'),
    seedOnStart: flag(env.SEED_PLAN, true),
    // dist/apps/api/config.js → dist/web, where scripts/build-web.js puts the web app.
    webDir: resolve(env.WEB_DIR || resolve(__dirname, '../../web')),
    readCache: {
      enabled: flag(env.READ_CACHE, DEFAULT_READ_CACHE.enabled),
      maxBytes: positive('READ_CACHE_MAX_MB', env.READ_CACHE_MAX_MB, 128) * 1024 * 1024,
      ttlMs: positive('READ_CACHE_TTL_MS', env.READ_CACHE_TTL_MS, DEFAULT_READ_CACHE.ttlMs),
    },
    session: {
      ttlMs: durationMs('SESSION_TTL', env.SESSION_TTL, DEFAULT_SESSION.ttlMs),
      secureCookies: flag(env.SESSION_COOKIE_SECURE, DEFAULT_SESSION.secureCookies),
    },
    log: logConfig(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownTimeoutMs: positive(
      'SHUTDOWN_TIMEOUT_MS',
      env.SHUTDOWN_TIMEOUT_MS,
      DEFAULT_SHUTDOWN_TIMEOUT_MS,
    ),
    revisionPolicy: revisionPolicy(env.REVISION_POLICY),
    record: recordConfig(env, dataDir),
  };
}

/**
 * REVISION_POLICY: a JSON object overriding some of the default policy's switches, e.g.
 * '{"laterDeadlineNeedsSecondSupervisor":false}'. Unknown keys and non-booleans are refused.
 */
function revisionPolicy(value: string | undefined): RevisionPolicy {
  if (value === undefined || value.trim() === '') return DEFAULT_REVISION_POLICY;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`REVISION_POLICY must be a JSON object, got '${value}'`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`REVISION_POLICY must be a JSON object, got '${value}'`);
  for (const [key, flagValue] of Object.entries(parsed)) {
    if (!(key in DEFAULT_REVISION_POLICY) || typeof flagValue !== 'boolean')
      throw new Error(
        `REVISION_POLICY: '${key}' must be one of ${Object.keys(DEFAULT_REVISION_POLICY).join(', ')} with a true/false value`,
      );
  }
  return { ...DEFAULT_REVISION_POLICY, ...(parsed as Partial<RevisionPolicy>) };
}

/** JSON lines for machines; pretty lines when a person runs the service in a terminal. */
function logConfig(env: NodeJS.ProcessEnv): LoggerConfig {
  const level = (env.LOG_LEVEL || DEFAULT_LOG.level).toLowerCase();
  if (!LOG_LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${env.LOG_LEVEL}'`);
  const format = (env.LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json')).toLowerCase();
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be json or pretty, got '${env.LOG_FORMAT}'`);
  return { level, pretty: format === 'pretty' };
}

function recordConfig(env: NodeJS.ProcessEnv, dataDir: string): RecordConfig {
  const defaults = defaultRecordConfig(dataDir);
  return {
    keyFile: env.RECORD_SEAL_KEY_FILE ? resolve(env.RECORD_SEAL_KEY_FILE) : defaults.keyFile,
    trustedKeyFiles: prefixList(env.RECORD_TRUSTED_KEYS, defaults.trustedKeyFiles).map((file) =>
      resolve(file),
    ),
    enabled: flag(env.RECORD_KEEPER, defaults.enabled),
    sealing: flag(env.RECORD_SEALING, defaults.sealing),
    sealEvery: Math.ceil(positive('RECORD_SEAL_EVERY', env.RECORD_SEAL_EVERY, defaults.sealEvery)),
    sealIntervalMs: positive(
      'RECORD_SEAL_INTERVAL_MS',
      env.RECORD_SEAL_INTERVAL_MS,
      defaults.sealIntervalMs,
    ),
    verifyIntervalMs: positive(
      'RECORD_VERIFY_INTERVAL_MS',
      env.RECORD_VERIFY_INTERVAL_MS,
      defaults.verifyIntervalMs,
    ),
    verifyOnStart: verifyOnStart(env.RECORD_VERIFY_ON_START, defaults.verifyOnStart),
  };
}

function verifyOnStart(value: string | undefined, fallback: 'full' | 'tail'): 'full' | 'tail' {
  if (value === undefined || value === '') return fallback;
  if (value !== 'full' && value !== 'tail')
    throw new Error(`RECORD_VERIFY_ON_START must be full or tail, got '${value}'`);
  return value;
}
