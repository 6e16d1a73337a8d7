import type Database from 'better-sqlite3';
import { Observable, Subject, firstValueFrom, map, race, timer } from 'rxjs';
import {
  START,
  comparePositions,
  formatPosition,
  type AllFilter,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@duty-ledger/event-store';
import type { Clock } from '@duty-ledger/clock';
import { CheckpointTable, type Checkpoint } from './checkpoints';
import { StreamClock } from './stream-clock';
import type { Projection, ProjectionEvent } from './projection';
import { projectedChange, type ProjectedChange } from './projected-change';

/** The streams the read models are built from. */
export const PROJECTED_STREAMS: AllFilter = { streamNamePrefixes: ['plan-', 'task-'] };

export interface RunnerLogger {
  error(message: string): void;
  log?(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: Database.Database;
  readonly projections: readonly Projection[];
  /** Source of "now" for the lag in seconds. */
  readonly clock: Clock;
  /** Most events per transaction (default 500). */
  readonly batchSize?: number;
  /** First wait before resubscribing after a failure; doubles up to 30 s (default 1000 ms). */
  readonly retryDelayMs?: number;
  /** The lag count stops at this many events (default 10,000), to keep the status cheap. */
  readonly lagCountLimit?: number;
  readonly logger?: RunnerLogger;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Last applied position, as text; null before the first event. */
  readonly position: string | null;
  readonly eventsApplied: number;
  readonly caughtUp: boolean;
  /** Relevant events in the log after the checkpoint (capped, see lagExact). */
  readonly lagEvents: number;
  readonly lagExact: boolean;
  /** now − recording time of the last applied event, while behind; 0 when caught up. */
  readonly lagSeconds: number;
}

export interface RunnerStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  readonly headPosition: string | null;
  /** The last failure, while the runner is retrying. */
  readonly error?: string;
  readonly projections: readonly ProjectionStatus[];
}

const IDLE = Symbol('idle');

/**
 * When the application recorded the event: `metadata.recordedAt`, stamped from the injected clock,
 * so as-of answers are exact and the same on every store. EventStoreDB's own `created` comes from
 * the server's clock; it is the fallback for events written by other tools.
 */
function recordingInstantOf(event: RecordedEvent): string {
  const stamped = event.metadata.recordedAt;
  if (typeof stamped === 'string' && !Number.isNaN(Date.parse(stamped)))
    return new Date(stamped).toISOString();
  return event.recordedAt.toISOString();
}
const MAX_RETRY_DELAY_MS = 30_000;

const after = (position: Position, checkpoint: Position | undefined): boolean =>
  checkpoint === undefined || comparePositions(position, checkpoint) > 0;

const laterPosition = (a: Position | undefined, b: Position | undefined): Position | undefined =>
  a === undefined ? b : b === undefined ? a : comparePositions(a, b) >= 0 ? a : b;

/**
 * Feeds the read models from one filtered $all subscription. Events are applied in batches (up to
 * `batchSize`, or whatever arrived when the log goes quiet); each batch is one SQLite transaction
 * holding the rows of every projection and their checkpoints, so a crash at any point leaves each
 * read model exactly at its checkpoint: nothing applied twice, nothing skipped.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: Database.Database;
  private readonly projections: readonly Projection[];
  private readonly checkpointTable: CheckpointTable;
  private readonly streamClock: StreamClock;
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly changes = new Subject<{
    readonly change: ProjectedChange;
    readonly position: Position;
  }>();
  private readonly commits = new Subject<void>();
  private readonly caughtUpSignal = new Subject<void>();
  private readonly stopSignal = new Subject<void>();
  private emittedUpTo: Position | undefined;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private caughtUp = false;
  private lastError: string | undefined;

  /** Every event once it is committed to all read models, in log order. */
  readonly changes$: Observable<ProjectedChange> = this.changes.pipe(map(({ change }) => change));

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.db = options.db;
    this.projections = options.projections;
    const names = new Set(this.projections.map((p) => p.name));
    if (names.size !== this.projections.length) throw new Error('Projection names must be unique');
    this.checkpointTable = new CheckpointTable(this.db);
    this.streamClock = new StreamClock(this.db);
  }

  get isRunning(): boolean {
    return this.loop !== undefined;
  }

  /**
   * Prepares the tables (rebuilding any projection whose stored version differs) and starts
   * following the log in the background. Idempotent.
   */
  start(): void {
    if (this.loop) return;
    this.prepare();
    this.stopping = false;
    this.caughtUp = false;
    // The loop also ends by itself when the store closes its subscriptions.
    const loop: Promise<void> = this.follow().finally(() => {
      if (this.loop === loop) this.loop = undefined;
    });
    this.loop = loop;
  }

  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping = true;
    this.stopSignal.next();
    await this.subscription?.stop();
    await loop;
  }

  /** Resolves once the runner has reached the end of the log (after start). */
  whenCaughtUp(): Promise<void> {
    return this.caughtUp ? Promise.resolve() : firstValueFrom(this.caughtUpSignal);
  }

  /**
   * Drops and rebuilds one read model (or all) from the start of the log. Resolves when it has
   * caught up; the runner is left running only if it was running before.
   */
  async rebuild(name?: string): Promise<void> {
    const targets =
      name === undefined ? this.projections : this.projections.filter((p) => p.name === name);
    if (targets.length === 0) {
      throw new Error(
        `Unknown projection '${name}'; known: ${this.projections.map((p) => p.name).join(', ')}`,
      );
    }
    const wasRunning = this.isRunning;
    await this.stop();
    this.db.transaction(() => {
      for (const projection of targets) this.reset(projection);
    })();
    this.start();
    await this.whenCaughtUp();
    if (!wasRunning) await this.stop();
  }

  /** The checkpoint of one projection, as stored. */
  checkpoint(name: string): Checkpoint | undefined {
    return this.checkpoints.get(name) ?? this.checkpointTable.get(name);
  }

  /**
   * Read-your-writes: resolves true once every read model has applied everything relevant up to
   * `position` (events of other streams there need not be waited for), false after `timeoutMs`.
   */
  async waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Listen before looking, so a commit between the look and the wait is not missed.
      let committed!: () => void;
      const nextCommit = new Promise<void>((resolve) => (committed = resolve));
      const listening = this.commits.subscribe(() => committed());
      let timeout: NodeJS.Timeout | undefined;
      try {
        if (await this.isProjected(position)) return true;
        const remaining = deadline - Date.now();
        if (remaining <= 0) return false;
        await Promise.race([
          nextCommit,
          new Promise((resolve) => (timeout = setTimeout(resolve, remaining))),
        ]);
      } finally {
        clearTimeout(timeout);
        listening.unsubscribe();
      }
    }
  }

  /**
   * Projected changes after `position` (exclusive), then live ones: the missed part is read back
   * from the log, so a client resuming with Last-Event-ID loses nothing. Without a position: live only.
   */
  changesAfter(position: Position | undefined): Observable<ProjectedChange> {
    return new Observable<ProjectedChange>((subscriber) => {
      let lastSent = position;
      let live = false;
      const send = (change: ProjectedChange, at: Position) => {
        if (!after(at, lastSent)) return;
        lastSent = at;
        subscriber.next(change);
      };
      const held: { change: ProjectedChange; position: Position }[] = [];
      const liveSubscription = this.changes.subscribe(({ change, position: at }) => {
        if (live) send(change, at);
        else held.push({ change, position: at });
      });
      const replayUpTo = this.emittedUpTo;
      const replay = async () => {
        if (position !== undefined && replayUpTo !== undefined && after(replayUpTo, position)) {
          for await (const event of this.store.readAll({
            fromPosition: position,
            filter: PROJECTED_STREAMS,
          })) {
            if (subscriber.closed || after(event.position, replayUpTo)) break;
            send(projectedChange(event), event.position);
          }
        }
        for (const { change, position: at } of held) send(change, at);
        held.length = 0;
        live = true;
      };
      replay().catch((error: unknown) => subscriber.error(error));
      return () => liveSubscription.unsubscribe();
    });
  }

  async status(): Promise<RunnerStatus> {
    const head = await this.store.headPosition();
    const now = this.options.clock.now().getTime();
    const lagByCheckpoint = new Map<string, { count: number; exact: boolean }>();
    const projections: ProjectionStatus[] = [];
    for (const projection of this.projections) {
      const checkpoint = this.checkpoint(projection.name);
      const key = checkpoint?.position ? formatPosition(checkpoint.position) : '';
      if (!lagByCheckpoint.has(key))
        lagByCheckpoint.set(key, await this.countLag(checkpoint?.position, head));
      const lag = lagByCheckpoint.get(key) ?? { count: 0, exact: true };
      const behind = lag.count > 0;
      projections.push({
        name: projection.name,
        version: projection.version,
        position: checkpoint?.position ? formatPosition(checkpoint.position) : null,
        eventsApplied: checkpoint?.eventsApplied ?? 0,
        caughtUp: !behind,
        lagEvents: lag.count,
        lagExact: lag.exact,
        lagSeconds:
          behind && checkpoint?.lastAt
            ? Math.max(0, (now - Date.parse(checkpoint.lastAt)) / 1000)
            : 0,
      });
    }
    return {
      running: this.isRunning,
      caughtUp: projections.every((p) => p.caughtUp),
      headPosition: head ? formatPosition(head) : null,
      ...(this.lastError ? { error: this.lastError } : {}),
      projections,
    };
  }

  private prepare(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const stored = this.checkpointTable.get(projection.name);
        if (stored?.version === projection.version) {
          projection.setUp(this.db);
          this.checkpoints.set(projection.name, stored);
        } else {
          if (stored)
            this.options.logger?.log?.(
              `Rebuilding read model '${projection.name}' (version ${stored.version} → ${projection.version})`,
            );
          this.reset(projection);
        }
        this.emittedUpTo = laterPosition(this.emittedUpTo, stored?.position);
      }
    })();
  }

  private reset(projection: Projection): void {
    projection.tearDown(this.db);
    projection.setUp(this.db);
    this.streamClock.forget(projection.name);
    const fresh: Checkpoint = {
      name: projection.name,
      version: projection.version,
      eventsApplied: 0,
    };
    this.checkpointTable.put(fresh);
    this.checkpoints.set(projection.name, fresh);
  }

  private minCheckpoint(): Position | undefined {
    let min: Position | undefined;
    for (const projection of this.projections) {
      const position = this.checkpoints.get(projection.name)?.position;
      if (position === undefined) return undefined;
      if (min === undefined || comparePositions(position, min) < 0) min = position;
    }
    return min;
  }

  /** Keeps a subscription open until stopped, resubscribing from the checkpoints after a failure. */
  private async follow(): Promise<void> {
    let delay = this.options.retryDelayMs ?? 1000;
    while (!this.stopping) {
      try {
        await this.consume();
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.stopping) return;
        this.options.logger?.error(
          `Projection runner failed, retrying in ${delay} ms: ${this.lastError}`,
        );
        await firstValueFrom(race(timer(delay), this.stopSignal), { defaultValue: undefined });
        delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
      }
    }
  }

  private async consume(): Promise<void> {
    const from = this.minCheckpoint();
    const subscription = this.store.subscribeToAll({
      fromPosition: from ?? START,
      filter: PROJECTED_STREAMS,
    });
    this.subscription = subscription;
    if (this.stopping) await subscription.stop();
    const iterator = subscription[Symbol.asyncIterator]();
    const batch: RecordedEvent[] = [];
    const batchSize = this.options.batchSize ?? 500;
    let live = false;
    let pending = iterator.next();
    try {
      for (;;) {
        // Live, a batch is whatever arrived before the log went quiet for one turn of the event loop.
        const next: IteratorResult<SubscriptionMessage> | typeof IDLE =
          live && batch.length > 0 ? await Promise.race([pending, nextTurn()]) : await pending;
        if (next === IDLE) {
          this.commit(batch.splice(0));
          continue;
        }
        if (next.done) return;
        pending = iterator.next();
        if (next.value.kind === 'caughtUp') {
          this.commit(batch.splice(0));
          live = true;
          this.markCaughtUp();
        } else {
          batch.push(next.value.event);
          if (batch.length >= batchSize) this.commit(batch.splice(0));
        }
      }
    } finally {
      await subscription.stop();
    }
  }

  private markCaughtUp(): void {
    this.lastError = undefined;
    this.caughtUp = true;
    this.caughtUpSignal.next();
  }

  /** Applies a batch to every projection it is new to, with their checkpoints, in one transaction. */
  private commit(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    const advanced = this.db.transaction(() => {
      const result: Checkpoint[] = [];
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name);
        if (!checkpoint) continue;
        const fresh = events.filter((e) => after(e.position, checkpoint.position));
        if (fresh.length === 0) continue;
        const instants = this.streamClock.stamp(
          projection.name,
          fresh.map((event) => ({
            streamId: event.streamId,
            recordedAt: recordingInstantOf(event),
          })),
        );
        const batch: ProjectionEvent[] = fresh.map((event, i) => ({ event, at: instants[i] }));
        const lastAt = instants.reduce((a, b) => (b > a ? b : a), checkpoint.lastAt ?? '');
        projection.applyBatch(this.db, batch);
        const next: Checkpoint = {
          ...checkpoint,
          position: fresh[fresh.length - 1].position,
          lastAt,
          eventsApplied: checkpoint.eventsApplied + fresh.length,
        };
        this.checkpointTable.put(next);
        result.push(next);
      }
      return result;
    })();
    for (const checkpoint of advanced) this.checkpoints.set(checkpoint.name, checkpoint);
    for (const event of events) {
      if (!after(event.position, this.emittedUpTo)) continue;
      this.emittedUpTo = event.position;
      this.changes.next({ change: projectedChange(event), position: event.position });
    }
    this.commits.next();
  }

  /** Everything relevant up to `position` is applied by every projection. */
  private async isProjected(position: Position): Promise<boolean> {
    const min = this.minCheckpoint();
    if (min && comparePositions(min, position) >= 0) return true;
    const next = await this.firstRelevantAfter(min);
    return next === undefined || comparePositions(next, position) > 0;
  }

  private async firstRelevantAfter(position: Position | undefined): Promise<Position | undefined> {
    for await (const event of this.store.readAll({
      fromPosition: position ?? START,
      filter: PROJECTED_STREAMS,
      maxCount: 2,
    })) {
      if (after(event.position, position)) return event.position;
    }
    return undefined;
  }

  private async countLag(
    checkpoint: Position | undefined,
    head: Position | undefined,
  ): Promise<{ count: number; exact: boolean }> {
    if (head === undefined || (checkpoint && comparePositions(checkpoint, head) >= 0))
      return { count: 0, exact: true };
    const limit = this.options.lagCountLimit ?? 10_000;
    let count = 0;
    for await (const event of this.store.readAll({
      fromPosition: checkpoint ?? START,
      filter: PROJECTED_STREAMS,
      maxCount: limit + 1,
    })) {
      if (!after(event.position, checkpoint)) continue;
      if (count === limit) return { count, exact: false };
      count += 1;
    }
    return { count, exact: true };
  }
}

const nextTurn = (): Promise<typeof IDLE> =>
  new Promise((resolve) => setImmediate(() => resolve(IDLE)));
