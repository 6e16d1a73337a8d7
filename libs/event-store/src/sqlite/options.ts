import type { UpcasterRegistry } from '../port/upcasting';

/** EventStoreDB 24.10's default MaxAppendSize (ClusterVNodeOptions): 1 MiB per append. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
export const DEFAULT_POLL_INTERVAL_MS = 200;
export const DEFAULT_PAGE_SIZE = 64;

export interface SqliteEventStoreOptions {
  /** The database file. `:memory:` works for throwaway stores (a single connection only). */
  readonly path: string;
  /** true (default): PRAGMA synchronous=FULL, every commit is on disk. false: NORMAL (WAL-safe, may lose the last commits on power loss). */
  readonly fsync?: boolean;
  /** Upcasts events to their current schema version on every read. */
  readonly upcasters?: UpcasterRegistry;
  /** How long a write waits for another connection's write lock before failing (ms). */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for events appended by other connections or processes (ms). */
  readonly pollIntervalMs?: number;
  /** Source of `recordedAt`. */
  readonly clock?: () => Date;
  /**
   * Largest accepted append, measured as EventStoreDB does (`Event.SizeOnDisk`): per event, the
   * UTF-8 bytes of data and metadata plus twice the type's length. Default 1 MiB, as EventStoreDB.
   */
  readonly maxAppendSize?: number;
  /** Rows fetched per page by reads and subscriptions. */
  readonly pageSize?: number;
  /** Told how many appends each group commit carried (for metrics); must not throw. */
  readonly onGroupCommitted?: (size: number) => void;
}

export interface ResolvedSqliteOptions {
  readonly path: string;
  readonly fsync: boolean;
  readonly upcasters: UpcasterRegistry | undefined;
  readonly busyTimeoutMs: number;
  readonly pollIntervalMs: number;
  readonly clock: () => Date;
  readonly maxAppendSize: number;
  readonly pageSize: number;
  readonly onGroupCommitted: ((size: number) => void) | undefined;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(
      `SqliteEventStore option '${name}' must be a positive integer, got ${value}`,
    );
  }
  return value;
}

export function resolveOptions(options: SqliteEventStoreOptions): ResolvedSqliteOptions {
  if (typeof options.path !== 'string' || options.path === '') {
    throw new TypeError("SqliteEventStore option 'path' must be a non-empty string");
  }
  return {
    path: options.path,
    fsync: options.fsync ?? true,
    upcasters: options.upcasters,
    busyTimeoutMs: positiveInteger('busyTimeoutMs', options.busyTimeoutMs, DEFAULT_BUSY_TIMEOUT_MS),
    pollIntervalMs: positiveInteger(
      'pollIntervalMs',
      options.pollIntervalMs,
      DEFAULT_POLL_INTERVAL_MS,
    ),
    clock: options.clock ?? (() => new Date()),
    maxAppendSize: positiveInteger('maxAppendSize', options.maxAppendSize, DEFAULT_MAX_APPEND_SIZE),
    pageSize: positiveInteger('pageSize', options.pageSize, DEFAULT_PAGE_SIZE),
    onGroupCommitted: options.onGroupCommitted,
  };
}
