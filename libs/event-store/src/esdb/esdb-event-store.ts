import {
  BACKWARDS,
  EventStoreDBClient,
  FORWARDS,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidPositionError,
  StreamNotFoundError,
} from '../port/errors';
import type {
  AppendOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  Subscription,
} from '../port/event-store.port';
import type { AppendResult, NewEvent, RecordedEvent } from '../port/events';
import { END, START, comparePositions, formatPosition, type Position } from '../port/position';
import type { UpcasterRegistry } from '../port/upcasting';
import { appendLimitsOf, checkAppendSize } from './append-limits';
import { withAppendRetries, type AppendRetryPolicy } from './append-retry';
import { isTransientError, translateError, type ErrorContext } from './error-translation';
import { EsdbSubscriptionSource } from './esdb-subscription-source';
import { fromClientEvent, holdsJsonObject, toEventData } from './event-conversion';
import { planAllFilter, type AllFilterPlan } from './filters';
import { readAllFiltered } from './filtered-read-all';
import { fromClientPosition, toClientPosition, toClientReadPosition } from './positions';
import {
  ResumingSubscription,
  type ReconnectPolicy,
  type StartPoint,
} from './resuming-subscription';
import { toClientExpectedRevision, toClientReadRevision, toRevisionNumber } from './revisions';

export interface EventStoreDbOptions {
  readonly upcasters?: UpcasterRegistry;
  /** How subscriptions re-subscribe after a dropped connection. */
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** How often an append is sent again after a transient failure. */
  readonly appendRetry?: Partial<AppendRetryPolicy>;
  /**
   * The streams this application owns. A node's $all also holds system streams and other
   * producers' events; $all reads, subscriptions and headPosition see only these streams.
   * Unset: every non-system stream (events that are not JSON objects are skipped either way).
   */
  readonly ownedStreamPrefixes?: readonly string[];
}

/** The protected member of client 6.2.1 that holds what the node said of itself at connect. */
interface ClientCapabilities {
  readonly capabilities: Promise<{ readonly serverVersion?: string }>;
}

const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  maxAttempts: 20,
};

/** A node's write timeout is 2 s; three retries ride out a retry racing its original. */
const DEFAULT_APPEND_RETRY: AppendRetryPolicy = { retries: 3, delayMs: 50 };

/** The EventStore port over EventStoreDB, through the official gRPC client. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private readonly reconnect: ReconnectPolicy;
  private readonly appendRetry: AppendRetryPolicy;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly user: string | undefined,
    private readonly options: EventStoreDbOptions,
  ) {
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.appendRetry = { ...DEFAULT_APPEND_RETRY, ...options.appendRetry };
  }

  /**
   * Connects lazily, as the client does: an unreachable server shows up as
   * EventStoreUnavailableError on the first call, not here. A malformed string throws here.
   */
  static connect(
    connectionString: string,
    options: EventStoreDbOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      userOf(connectionString),
      options,
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    checkStreamId(streamId);
    const context: ErrorContext = {
      operation: 'append',
      streamId,
      expectedRevision: options.expectedRevision,
      user: this.user,
    };
    // Converted once: every retry sends the same event ids, which is what makes it idempotent.
    const data = events.map(toEventData);
    const expectedRevision = toClientExpectedRevision(options.expectedRevision);
    const result = await withAppendRetries(async () => {
      checkAppendSize(streamId, data, appendLimitsOf(await this.serverVersion()));
      return this.client.appendToStream(streamId, data, { expectedRevision });
    }, this.appendRetry).catch((error: unknown) => {
      throw translateError(error, context);
    });
    if (!result.position) {
      throw new EventStoreUnavailableError(
        `EventStoreDB did not report the position of the append to '${streamId}'`,
      );
    }
    const revision = toRevisionNumber(result.nextExpectedRevision);
    return {
      nextExpectedRevision: (await this.isNoStreamAfterEmptyAppend(streamId, events, revision))
        ? -1
        : revision,
      position: fromClientPosition(result.position),
    };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    checkStreamId(streamId);
    const direction = options.direction ?? 'forwards';
    const fromRevision = toClientReadRevision(
      options.fromRevision ?? (direction === 'forwards' ? START : END),
    );
    const maxCount = checkedMaxCount(options.maxCount);
    const read = () =>
      this.client.readStream(streamId, {
        // Stream reads load state before a decision, re-read after a conflict or check an empty
        // append: they must see our own last write, which only the leader is sure to hold.
        requiresLeader: true,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision,
        // Never 0, which the server refuses: a read of a missing stream must still fail.
        maxCount: Math.max(1, Math.min(maxCount, Number.MAX_SAFE_INTEGER)),
      });
    return {
      [Symbol.asyncIterator]: () =>
        this.decodeAll(
          read,
          { operation: 'read-stream', streamId, user: this.user },
          () => true,
          maxCount,
        ),
    };
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const from = options.fromPosition ?? (direction === 'forwards' ? START : END);
    const maxCount = checkedMaxCount(options.maxCount);
    const filter = this.planFilter(options.filter);
    const read = (fromPosition: Position | typeof START | typeof END) => () =>
      readAllFiltered(this.client, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromPosition: toClientReadPosition(fromPosition),
        filter: filter.server,
      });
    const context = (position: typeof from): ErrorContext => ({
      operation: 'read-all',
      user: this.user,
      ...(typeof position === 'object' ? { position: formatPosition(position) } : {}),
    });
    const events = (): AsyncGenerator<RecordedEvent> =>
      maxCount === 0
        ? nothing()
        : this.decodeAll(read(from), context(from), this.ourEvents(filter), maxCount);
    if (typeof from !== 'object' || direction !== 'forwards') {
      return { [Symbol.asyncIterator]: events };
    }
    // A forward read from a position the node rejects (from another store, a restored node, a
    // client) starts again from our nearest event before it: the same events, at or after it.
    const repaired = async function* (
      store: EventStoreDbEventStore,
    ): AsyncGenerator<RecordedEvent> {
      try {
        return yield* events();
      } catch (error) {
        if (!(error instanceof InvalidPositionError)) throw error;
      }
      const nearest = (await store.nearestEventAtOrBefore(from, filter)) ?? START;
      const accepts = store.ourEvents(filter);
      yield* store.decodeAll(
        read(nearest),
        context(nearest),
        (event) => accepts(event) && comparePositions(event.position!, from) >= 0,
        maxCount,
      );
    };
    return { [Symbol.asyncIterator]: () => repaired(this) };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const filter = this.planFilter(options.filter);
    const from = options.fromPosition ?? START;
    const subscription: Subscription = new ResumingSubscription({
      // "From the end" is pinned to the current head once, so that a resume before the first
      // event still starts from there rather than from a later end.
      start: from === END ? async () => (await this.headPosition()) ?? START : from,
      open: (start) => this.openSubscription(start, filter),
      isTransient: isTransientError,
      translateError: (error, start) =>
        translateError(error, {
          operation: 'subscribe-all',
          user: this.user,
          ...(typeof start === 'object' ? { position: formatPosition(start) } : {}),
        }),
      // Events strictly after a position the node rejects are those after the nearest event
      // before it: the subscription starts there instead of stopping.
      repairStart: async (start) => (await this.nearestEventAtOrBefore(start, filter)) ?? START,
      reconnect: this.reconnect,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The position of our last event in $all (see ownedStreamPrefixes), or undefined when none. */
  async headPosition(): Promise<Position | undefined> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 }))
      return event.position;
    return undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private openSubscription(from: StartPoint, filter: AllFilterPlan): EsdbSubscriptionSource {
    this.assertOpen();
    const subscription = this.client.subscribeToAll({
      fromPosition: from === START ? 'start' : toClientPosition(from),
      filter: filter.server,
    });
    const accepts = this.ourEvents(filter);
    return new EsdbSubscriptionSource(subscription, (resolved) =>
      resolved.event && accepts(resolved.event) ? this.decode(resolved) : undefined,
    );
  }

  private planFilter(filter: SubscribeToAllOptions['filter']): AllFilterPlan {
    return planAllFilter(filter, this.options.ownedStreamPrefixes);
  }

  /**
   * What a $all read or subscription lets through: the filter's streams, and only events that
   * hold a JSON object. Anything else is another producer's (binary, an array, broken JSON): we
   * never write such events, and one of them must not stop the read models.
   */
  private ourEvents(filter: AllFilterPlan): (event: ClientEvent) => boolean {
    return (event) => filter.accepts(event) && holdsJsonObject(event);
  }

  /** Our last event at or before `position`, read backwards from the end of the log. */
  private async nearestEventAtOrBefore(
    position: Position,
    filter: AllFilterPlan,
  ): Promise<Position | undefined> {
    const read = () =>
      readAllFiltered(this.client, {
        direction: BACKWARDS,
        fromPosition: 'end',
        filter: filter.server,
      });
    const accepts = this.ourEvents(filter);
    for await (const event of this.decodeAll(
      read,
      { operation: 'read-all', user: this.user },
      (candidate) => accepts(candidate) && comparePositions(candidate.position!, position) <= 0,
      1,
    ))
      return event.position;
    return undefined;
  }

  /** The server's version, as it reported it at connect (the client asks once per connection). */
  private async serverVersion(): Promise<string | undefined> {
    return (await (this.client as unknown as ClientCapabilities).capabilities).serverVersion;
  }

  /**
   * Decodes a read's events, keeping those `accepts` lets through, up to maxCount. The count is
   * kept here, not by the server, because `accepts` may drop events the server sent.
   */
  private async *decodeAll(
    startRead: () => StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
    context: ErrorContext,
    accepts: (event: ClientEvent) => boolean,
    maxCount: number,
  ): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const read = startRead();
    let delivered = 0;
    try {
      const events: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent> = read.iterator({
        destroyOnReturn: false,
      });
      for await (const resolved of events) {
        if (delivered >= maxCount) return;
        if (!resolved.event || !accepts(resolved.event)) continue;
        yield this.decode(resolved);
        if (++delivered >= maxCount) return;
      }
    } catch (error) {
      throw translateError(error, context);
    } finally {
      await release(read);
    }
  }

  /**
   * Client 6.2.1 reads a successful append's current revision without looking at the "no stream"
   * case of the answer, so an empty append to a stream that does not exist comes back as revision
   * 0. Only then is it ambiguous, and a read settles it.
   */
  private async isNoStreamAfterEmptyAppend(
    streamId: string,
    events: readonly NewEvent[],
    revision: number,
  ): Promise<boolean> {
    if (events.length > 0 || revision !== 0) return false;
    try {
      for await (const _first of this.readStream(streamId, { maxCount: 1 })) return false;
      return false;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return true;
      throw error;
    }
  }

  private decode(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
    return fromClientEvent(resolved, this.options.upcasters);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The EventStoreDB event store is closed');
  }
}

/**
 * Ends a read that may have been left early. Cancelling stops a running call; letting the read
 * flow on drains what a finished call already delivered. A read left paused with data buffered
 * never ends, and the client's dispose() waits for every read to end.
 */
async function release(read: StreamingRead<unknown>): Promise<void> {
  read.on('error', () => undefined); // nobody reads it any more; a late failure changes nothing
  await read.cancel();
  read.resume();
}

/** An empty stream name is a caller's bug: fail as the embedded store does, before any I/O. */
function checkStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId === '') {
    throw new TypeError('Stream id must be a non-empty string');
  }
}

function checkedMaxCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
  return maxCount;
}

async function* nothing(): AsyncGenerator<RecordedEvent> {}

type ClientEvent = NonNullable<(ResolvedEvent | AllStreamResolvedEvent)['event']>;

/** The user a connection string logs in as (esdb://user:password@host), for error messages. */
function userOf(connectionString: string): string | undefined {
  const match = /^esdb(?:\+discover)?:\/\/([^:@/]+)(?::[^@/]*)?@/.exec(connectionString);
  return match ? decodeURIComponent(match[1]) : undefined;
}
