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
import type { Projection } from './projection';
import { projectedChange, type ProjectedChange } from './projected-change';
import { ProjectionGroup, type GroupCacheSizes } from './projection-group';
import { CatchUpMode } from './catch-up-mode';

/** The streams the read models are built from. */
export const PROJECTED_STREAMS: AllFilter = {
  streamNamePrefixes: ['plan-', 'task-', 'status-rules'],
};

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
  /** Most events per transaction once caught up (default 500). */
  readonly batchSize?: number;
  /**
   * Most events per transaction while catching up (default 5,000): batches start at `batchSize`
   * and double up to this, so progress shows early and large backlogs pay per-commit costs
   * (changed task views, checkpoints) rarely. A batch holds the event loop (~0.5 s at 5,000; the
   * API answers between batches): 20,000 was not measurably faster at 100 k events and peaked
   * ~80 MiB higher.
   */
  readonly catchUpBatchSize?: number;
  /**
   * Task views kept in memory between batches once caught up (default 2,500; the cache holds
   * between this and twice as many, and four times as many stream instants).
   */
  readonly liveCacheSize?: number;
  /** … and while catching up (default 50,000). */
  readonly catchUpCacheSize?: number;
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

const MAX_RETRY_DELAY_MS = 30_000;

const after = (position: Position, checkpoint: Position | undefined): boolean =>
  checkpoint === undefined || comparePositions(position, checkpoint) > 0;

/** The version a checkpoint is stored with while its read model is built from the start. */
const UNFINISHED = 0;

const positionKey = (checkpoint: Checkpoint | undefined): string =>
  checkpoint?.position ? formatPosition(checkpoint.position) : '';

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
  private readonly catchUpMode: CatchUpMode;
  /** Projections by shared checkpoint; made at start, remade after a rollback. */
  private groups: ProjectionGroup[] = [];
  /** Read models being built from the start of the log (see ProjectionGroup.fresh). */
  private readonly freshBuilds = new Set<string>();
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
    const badVersion = this.projections.find(
      (p) => !Number.isSafeInteger(p.version) || p.version < 1,
    );
    if (badVersion)
      throw new Error(
        `Projection '${badVersion.name}' needs a version >= 1 (0 marks an unfinished build)`,
      );
    this.checkpointTable = new CheckpointTable(this.db);
    this.streamClock = new StreamClock(this.db);
    this.catchUpMode = new CatchUpMode(this.db);
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
    this.leaveCatchUp();
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
    this.freshBuilds.clear();
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const stored = this.checkpointTable.get(projection.name);
        if (stored?.version === projection.version) {
          projection.setUp(this.db);
          this.checkpoints.set(projection.name, stored);
        } else {
          if (stored)
            this.options.logger?.log?.(
              stored.version === UNFINISHED
                ? `Rebuilding read model '${projection.name}': its build from the start was interrupted`
                : `Rebuilding read model '${projection.name}' (version ${stored.version} → ${projection.version})`,
            );
          this.reset(projection);
        }
        this.emittedUpTo = laterPosition(this.emittedUpTo, stored?.position);
        if (this.checkpoints.get(projection.name)?.position === undefined)
          this.startFreshBuild(projection);
      }
    })();
    this.groups = this.makeGroups();
  }

  /**
   * A read model built from the start of the log does not keep what it would need to resume (see
   * ProjectionGroup): its checkpoint says UNFINISHED until it has caught up, so that the next start
   * builds it over should the process die before. Meanwhile its writer keeps in memory what it
   * would look up in its tables, and its rows go in without indexes: `setUp` builds them (the
   * DDL's, exactly) when the build is finished.
   */
  private startFreshBuild(projection: Projection): void {
    for (const index of projection.deferredIndexes ?? [])
      this.db.exec(`DROP INDEX IF EXISTS ${index}`);
    this.freshBuilds.add(projection.name);
  }

  /** Stores what the fresh builds held back, their real version, and their query indexes. */
  private finishFreshBuilds(): void {
    if (this.freshBuilds.size === 0) return;
    try {
      this.db.transaction(() => {
        for (const group of this.groups) {
          if (!group.fresh) continue;
          group.finish();
          for (const projection of group.projections) {
            const checkpoint = this.checkpoints.get(projection.name);
            if (checkpoint) this.checkpointTable.put(checkpoint);
            projection.setUp(this.db);
          }
        }
      })();
    } catch (error) {
      this.restartFreshBuilds();
      throw error;
    }
    // From here on the writers look things up in their tables (and caches are bounded again).
    this.freshBuilds.clear();
    this.groups = this.makeGroups();
  }

  /**
   * After a rollback a fresh build cannot go on from its checkpoint (its views were held in the
   * caches that are dropped with the transaction): it starts over.
   */
  private restartFreshBuilds(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) {
        if (!this.freshBuilds.has(projection.name)) continue;
        this.reset(projection);
        this.startFreshBuild(projection);
      }
    })();
  }

  /** One group per distinct checkpoint, with new writers and empty caches. */
  private makeGroups(): ProjectionGroup[] {
    const byKey = new Map<string, Projection[]>();
    for (const projection of this.projections) {
      const key = this.groupKey(projection);
      byKey.set(key, [...(byKey.get(key) ?? []), projection]);
    }
    return [...byKey.values()].map(
      (projections) =>
        new ProjectionGroup(
          this.db,
          projections,
          this.streamClock,
          this.cacheSizes(),
          this.freshBuilds.has(projections[0].name),
        ),
    );
  }

  private groupKey(projection: Projection): string {
    const position = positionKey(this.checkpoints.get(projection.name));
    return this.freshBuilds.has(projection.name) ? `${position} fresh` : position;
  }

  private cacheSizes(): GroupCacheSizes {
    const size = this.catchUpMode.active
      ? (this.options.catchUpCacheSize ?? 50_000)
      : (this.options.liveCacheSize ?? 2_500);
    return { taskViews: size, streams: size * 4 };
  }

  /** Groups whose checkpoints have met become one: from here on they fold once. */
  private mergeGroups(): void {
    if (this.groups.length < 2) return;
    const byKey = new Map<string, ProjectionGroup>();
    for (const group of this.groups) {
      const key = this.groupKey(group.projections[0]);
      const met = byKey.get(key);
      if (met) met.absorb(group);
      else byKey.set(key, group);
    }
    this.groups = [...byKey.values()];
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
    const catchUpBatchSize = Math.max(batchSize, this.options.catchUpBatchSize ?? 5_000);
    let catchUpLimit = batchSize;
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
          if (live) {
            if (batch.length >= batchSize) this.commit(batch.splice(0));
          } else if (batch.length >= catchUpLimit) {
            // A full batch before the end of the log: a backlog worth the catch-up settings.
            this.enterCatchUp();
            this.commit(batch.splice(0));
            catchUpLimit = Math.min(catchUpLimit * 2, catchUpBatchSize);
            // The subscription hands over a backlog through settled promises, which never leave
            // the microtask queue: give I/O a turn so the API answers (health: 503) meanwhile.
            await nextTurn();
          }
        }
      }
    } finally {
      await subscription.stop();
    }
  }

  private markCaughtUp(): void {
    this.finishFreshBuilds();
    this.leaveCatchUp();
    this.lastError = undefined;
    this.caughtUp = true;
    this.caughtUpSignal.next();
  }

  private enterCatchUp(): void {
    if (this.catchUpMode.active) return;
    this.catchUpMode.enter();
    for (const group of this.groups) group.resize(this.cacheSizes());
  }

  private leaveCatchUp(): void {
    if (!this.catchUpMode.active) return;
    this.catchUpMode.leave();
    for (const group of this.groups) group.resize(this.cacheSizes());
  }

  /** Applies a batch to every projection it is new to, with their checkpoints, in one transaction. */
  private commit(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    let advanced: Checkpoint[];
    try {
      advanced = this.db.transaction(() => {
        const result: Checkpoint[] = [];
        for (const group of this.groups) {
          const members = group.projections;
          const checkpoint = this.checkpoints.get(members[0].name);
          if (!checkpoint) continue;
          // Events come in log order: those new to the group are a suffix of the batch.
          let first = 0;
          while (first < events.length && !after(events[first].position, checkpoint.position))
            first += 1;
          if (first === events.length) continue;
          const fresh = first === 0 ? events : events.slice(first);
          const instants = group.apply(fresh);
          let lastAt = checkpoint.lastAt ?? '';
          for (const at of instants) if (at > lastAt) lastAt = at;
          for (const projection of members) {
            const previous = this.checkpoints.get(projection.name) ?? checkpoint;
            const next: Checkpoint = {
              ...previous,
              position: fresh[fresh.length - 1].position,
              lastAt,
              eventsApplied: previous.eventsApplied + fresh.length,
            };
            this.checkpointTable.put(group.fresh ? { ...next, version: UNFINISHED } : next);
            result.push(next);
          }
        }
        return result;
      })();
    } catch (error) {
      // The caches ran ahead of the rolled-back rows: go on from what is stored.
      this.restartFreshBuilds();
      this.groups = this.makeGroups();
      throw error;
    }
    for (const checkpoint of advanced) this.checkpoints.set(checkpoint.name, checkpoint);
    this.mergeGroups();
    // Nobody listens during a rebuild at start: the changes are not worth describing then.
    const observed = this.changes.observed;
    for (const event of events) {
      if (!after(event.position, this.emittedUpTo)) continue;
      this.emittedUpTo = event.position;
      if (observed) this.changes.next({ change: projectedChange(event), position: event.position });
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
