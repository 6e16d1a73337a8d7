import Database from 'better-sqlite3';
import {
  AppendTooLargeError,
  EventStoreError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import type {
  AppendOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  Subscription,
  SubscribeToAllOptions,
} from '../port/event-store.port';
import type { AppendResult, NewEvent, RecordedEvent } from '../port/events';
import type { ExpectedRevision } from '../port/expected-revision';
import { END, START, type Position } from '../port/position';
import { checkCommit, type StoredEventRef } from './commit-check';
import {
  decodeRow,
  encodeEvent,
  EVENT_COLUMNS,
  type EncodedEvent,
  type EventRow,
} from './event-codec';
import { filterCondition } from './filter-sql';
import {
  resolveOptions,
  type ResolvedSqliteOptions,
  type SqliteEventStoreOptions,
} from './options';
import { backwardsExclusiveEnd, firstIncluded, lastSeenAt, toPosition } from './positions';
import { openDatabase } from './schema';
import { ChangeNotifier } from './change-notifier';
import { GroupCommit, type Settled } from './group-commit';
import { SqliteSubscription } from './sqlite-subscription';

type Direction = 'forwards' | 'backwards';

interface AppendOutcome {
  readonly written: boolean;
  readonly revision: number;
  readonly position: bigint;
}

interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly EncodedEvent[];
  readonly expected: ExpectedRevision;
}

/** Appends committed in one transaction at most; bounds how long other writers wait for the lock. */
const MAX_GROUP_SIZE = 256;

/**
 * better-sqlite3's SqliteError, recognised by its SQLITE_* code rather than by instanceof: the
 * native addon keeps the error class of the first copy of the module loaded in the process, which
 * under jest can come from another test file's module registry and realm (so not even
 * `instanceof Error` holds).
 */
function isSqliteError(error: unknown): error is { code: string; message: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** Driver failures (closed store, lock timeout, I/O) become port errors; anything else is kept. */
function portError(error: unknown): unknown {
  return isSqliteError(error)
    ? new EventStoreUnavailableError(`SQLite event store failure: ${error.message}`, error)
    : error;
}

function validateExpected(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(
      `Expected revision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0, got ${String(expected)}`,
    );
  }
}

function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId === '') {
    throw new TypeError('Stream id must be a non-empty string');
  }
}

function validateMaxCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
  return maxCount;
}

/**
 * The embedded event store: one SQLite file in WAL mode, with EventStoreDB's append, read and
 * subscription semantics. Several instances, in one process or several, may share a file: every
 * append runs its revision check and inserts inside a BEGIN IMMEDIATE transaction, so positions
 * and revisions are assigned by one writer at a time.
 *
 * Group commit: the appends made during one turn of the event loop share that transaction, each in
 * its own savepoint with its own checks and its own result or error, so N concurrent commands cost
 * one durable commit (one fsync) instead of N. An append's promise settles once the group is on
 * disk; a failed append leaves no trace and does not affect the others.
 */
export class SqliteEventStore implements EventStore {
  private readonly notifier = new ChangeNotifier();
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly statements = new Map<string, Database.Statement>();
  /** Called inside the group's transaction, it runs in a savepoint: a failure undoes only itself. */
  private readonly appendInSavepoint: (request: AppendRequest) => AppendOutcome;
  private readonly groupTransaction: (
    requests: readonly AppendRequest[],
  ) => readonly Settled<AppendOutcome>[];
  /** A group of one needs no savepoint: its failure rolls back a transaction holding only itself. */
  private readonly aloneTransaction: (request: AppendRequest) => AppendOutcome;
  private readonly groupCommit: GroupCommit<AppendRequest, AppendOutcome>;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly options: ResolvedSqliteOptions,
  ) {
    this.appendInSavepoint = db.transaction((request: AppendRequest) =>
      this.appendInTransaction(request.streamId, request.events, request.expected),
    );
    this.groupTransaction = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((request): Settled<AppendOutcome> => {
        try {
          return { ok: true, value: this.appendInSavepoint(request) };
        } catch (error) {
          // Some failures (I/O, disk full) end the whole transaction: then the group fails as one.
          if (!db.inTransaction) throw error;
          return { ok: false, error: portError(error) };
        }
      }),
    ).immediate;
    this.aloneTransaction = db.transaction((request: AppendRequest) =>
      this.appendInTransaction(request.streamId, request.events, request.expected),
    ).immediate;
    this.groupCommit = new GroupCommit((requests) => this.commitGroup(requests), MAX_GROUP_SIZE);
  }

  /** Opens (and creates, if needed) the store in the given file. */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const resolved = resolveOptions(options);
    let db: Database.Database;
    try {
      db = openDatabase(resolved.path, resolved);
    } catch (error) {
      if (error instanceof EventStoreError) throw error;
      throw new EventStoreUnavailableError(
        `Cannot open the event store at '${resolved.path}': ${String(error)}`,
        error,
      );
    }
    return new SqliteEventStore(db, resolved);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    validateStreamId(streamId);
    validateExpected(options.expectedRevision);
    const encoded = events.map(encodeEvent);
    const size = encoded.reduce((total, event) => total + event.size, 0);
    if (size > this.options.maxAppendSize) {
      throw new AppendTooLargeError(streamId, this.options.maxAppendSize);
    }
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    const outcome = await this.groupCommit.submit({
      streamId,
      events: encoded,
      expected: options.expectedRevision,
    });
    return { nextExpectedRevision: outcome.revision, position: toPosition(outcome.position) };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateStreamId(streamId);
    const direction: Direction = options.direction ?? 'forwards';
    const from = options.fromRevision ?? (direction === 'forwards' ? START : END);
    if (typeof from === 'number' && (!Number.isSafeInteger(from) || from < 0)) {
      throw new RangeError(`fromRevision must be a revision >= 0, got ${from}`);
    }
    const maxCount = validateMaxCount(options.maxCount);
    return { [Symbol.asyncIterator]: () => this.streamEvents(streamId, direction, from, maxCount) };
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const direction: Direction = options.direction ?? 'forwards';
    const from = options.fromPosition ?? (direction === 'forwards' ? START : END);
    const maxCount = validateMaxCount(options.maxCount);
    const filter = filterCondition(options.filter);
    return { [Symbol.asyncIterator]: () => this.allEvents(direction, from, maxCount, filter) };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const from = options.fromPosition ?? START;
    const condition = filterCondition(options.filter);
    const lastSeen = from === START ? 0n : from === END ? this.headSequence() : lastSeenAt(from);
    const subscription = new SqliteSubscription(
      {
        headSequence: () => this.headSequence(),
        readPage: (after, upTo, limit) =>
          this.query(
            `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? AND ${condition.sql} ORDER BY position LIMIT ?`,
            [after, upTo, ...condition.params, limit],
          ),
        listen: (listener) => this.notifier.listen(listener),
      },
      {
        lastSeen,
        pageSize: this.options.pageSize,
        pollIntervalMs: this.options.pollIntervalMs,
        onEnd: (ended) => this.subscriptions.delete(ended),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    const head = this.headSequence();
    return head > 0n ? toPosition(head) : undefined;
  }

  /** Stops every subscription, then closes the database. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    // Appends already accepted are committed, not dropped.
    this.groupCommit.flush();
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  // ----- appends -----

  private commitGroup(requests: readonly AppendRequest[]): readonly Settled<AppendOutcome>[] {
    const settled =
      requests.length === 1
        ? [this.commitAlone(requests[0])]
        : this.guard(() => this.groupTransaction(requests));
    if (settled.some((outcome) => outcome.ok && outcome.value.written)) this.notifier.notify();
    this.options.onGroupCommitted?.(requests.length);
    return settled;
  }

  private commitAlone(request: AppendRequest): Settled<AppendOutcome> {
    try {
      return { ok: true, value: this.guard(() => this.aloneTransaction(request)) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private appendInTransaction(
    streamId: string,
    events: readonly EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendOutcome {
    const currentRevision = this.currentRevision(streamId);
    const decision = checkCommit(
      streamId,
      expected,
      events.map((event) => event.eventId),
      {
        currentRevision,
        latestWithId: (eventId) => this.latestWithId(eventId),
        eventAt: (revision) => this.eventAt(streamId, revision),
      },
    );
    if (decision.kind === 'conflict')
      throw new WrongExpectedVersionError(streamId, expected, decision.actual);
    if (decision.kind === 'idempotent') {
      return { written: false, revision: decision.revision, position: decision.position };
    }
    if (events.length === 0) {
      // EventStoreDB writes an invisible record and answers the current revision (-1: no stream).
      return { written: false, revision: currentRevision, position: this.headSequence() };
    }
    const insert = this.statement(
      'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const recordedAt = this.options.clock().toISOString();
    let position = 0n;
    events.forEach((event, index) => {
      const info = insert.run(
        streamId,
        currentRevision + 1 + index,
        event.eventId,
        event.type,
        event.schemaVersion,
        event.data,
        event.metadata,
        recordedAt,
      );
      position = BigInt(info.lastInsertRowid);
    });
    return { written: true, revision: currentRevision + events.length, position };
  }

  private currentRevision(streamId: string): number {
    const row = this.statement(
      'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
    ).get(streamId) as {
      revision: number | null;
    };
    return row.revision ?? -1;
  }

  private latestWithId(eventId: string): StoredEventRef | undefined {
    const row = this.statement(
      'SELECT stream_id, revision, position FROM events WHERE event_id = ? ORDER BY position DESC LIMIT 1',
    ).get(eventId) as { stream_id: string; revision: number; position: number } | undefined;
    return (
      row && { streamId: row.stream_id, revision: row.revision, position: BigInt(row.position) }
    );
  }

  private eventAt(
    streamId: string,
    revision: number,
  ): { eventId: string; position: bigint } | undefined {
    const row = this.statement(
      'SELECT event_id, position FROM events WHERE stream_id = ? AND revision = ?',
    ).get(streamId, revision) as { event_id: string; position: number } | undefined;
    return row && { eventId: row.event_id, position: BigInt(row.position) };
  }

  // ----- reads -----

  private headSequence(): bigint {
    const row = this.guard(() =>
      this.statement('SELECT MAX(position) AS position FROM events').get(),
    ) as {
      position: number | null;
    };
    return BigInt(row.position ?? 0);
  }

  private async *streamEvents(
    streamId: string,
    direction: Direction,
    from: number | typeof START | typeof END,
    maxCount: number,
  ): AsyncGenerator<RecordedEvent> {
    const last = this.guard(() => this.currentRevision(streamId));
    if (last < 0) throw new StreamNotFoundError(streamId);
    let remaining = maxCount;
    if (direction === 'forwards') {
      // Bounded by the revision the read started at: a read is a snapshot, not a subscription.
      let next = from === START ? 0 : from === END ? last + 1 : from;
      while (remaining > 0 && next <= last) {
        const page = this.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
          [streamId, next, last, Math.min(remaining, this.options.pageSize)],
        );
        if (page.length === 0) return;
        for (const event of page) yield event;
        remaining -= page.length;
        next = page[page.length - 1].revision + 1;
      }
    } else {
      let next = from === START ? 0 : from === END ? last : Math.min(from, last);
      while (remaining > 0 && next >= 0) {
        const page = this.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
          [streamId, next, Math.min(remaining, this.options.pageSize)],
        );
        if (page.length === 0) return;
        for (const event of page) yield event;
        remaining -= page.length;
        next = page[page.length - 1].revision - 1;
      }
    }
  }

  private async *allEvents(
    direction: Direction,
    from: Position | typeof START | typeof END,
    maxCount: number,
    filter: { sql: string; params: readonly string[] },
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount;
    if (direction === 'forwards') {
      const head = this.headSequence();
      let next = from === START ? 0n : from === END ? head + 1n : firstIncluded(from);
      while (remaining > 0 && next <= head) {
        const page = this.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND position <= ? AND ${filter.sql} ORDER BY position LIMIT ?`,
          [next, head, ...filter.params, Math.min(remaining, this.options.pageSize)],
        );
        for (const event of page) yield event;
        if (page.length < Math.min(remaining, this.options.pageSize)) return;
        remaining -= page.length;
        next = page[page.length - 1].position.commit + 1n;
      }
    } else {
      if (from === START) return;
      let end = from === END ? this.headSequence() + 1n : backwardsExclusiveEnd(from);
      while (remaining > 0 && end > 0n) {
        const page = this.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ? AND ${filter.sql} ORDER BY position DESC LIMIT ?`,
          [end, ...filter.params, Math.min(remaining, this.options.pageSize)],
        );
        for (const event of page) yield event;
        if (page.length < Math.min(remaining, this.options.pageSize)) return;
        remaining -= page.length;
        end = page[page.length - 1].position.commit;
      }
    }
  }

  private query(sql: string, params: readonly unknown[]): RecordedEvent[] {
    return this.guard(() => {
      const rows = this.statement(sql).all(...params) as EventRow[];
      return rows.map((row) => decodeRow(row, this.options.upcasters));
    });
  }

  // ----- plumbing -----

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs database work, turning driver failures (closed store, lock timeout, I/O) into port errors. */
  private guard<T>(work: () => T): T {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    try {
      return work();
    } catch (error) {
      throw portError(error);
    }
  }
}
