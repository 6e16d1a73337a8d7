import {
  BACKWARDS,
  EventStoreDBClient,
  FORWARDS,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, StreamNotFoundError } from '../port/errors';
import type {
  AppendOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  Subscription,
} from '../port/event-store.port';
import type { AppendResult, NewEvent, RecordedEvent } from '../port/events';
import { END, START, type Position } from '../port/position';
import type { UpcasterRegistry } from '../port/upcasting';
import { isTransientError, translateError, type ErrorContext } from './error-translation';
import { EsdbSubscriptionSource } from './esdb-subscription-source';
import { fromClientEvent, toEventData } from './event-conversion';
import { planAllFilter, type AllFilterPlan, type EventIdentity } from './filters';
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
}

const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  maxAttempts: 20,
};

/** The EventStore port over EventStoreDB, through the official gRPC client. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly upcasters: UpcasterRegistry | undefined,
    private readonly reconnect: ReconnectPolicy,
  ) {}

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
      options.upcasters,
      { ...DEFAULT_RECONNECT, ...options.reconnect },
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    checkStreamId(streamId);
    const context: ErrorContext = { streamId, expectedRevision: options.expectedRevision };
    const result = await this.client
      .appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toClientExpectedRevision(options.expectedRevision),
      })
      .catch((error: unknown) => {
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
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision,
        // Never 0, which the server refuses: a read of a missing stream must still fail.
        maxCount: Math.max(1, Math.min(maxCount, Number.MAX_SAFE_INTEGER)),
      });
    return {
      [Symbol.asyncIterator]: () => this.decodeAll(read, { streamId }, () => true, maxCount),
    };
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const fromPosition = toClientReadPosition(
      options.fromPosition ?? (direction === 'forwards' ? START : END),
    );
    const maxCount = checkedMaxCount(options.maxCount);
    const filter = planAllFilter(options.filter);
    const read = () =>
      readAllFiltered(this.client, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromPosition,
        filter: filter.server,
      });
    return {
      [Symbol.asyncIterator]: () =>
        maxCount === 0
          ? nothing()
          : this.decodeAll(read, {}, (event) => filter.accepts(event), maxCount),
    };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const filter = planAllFilter(options.filter);
    const from = options.fromPosition ?? START;
    const subscription: Subscription = new ResumingSubscription({
      // "From the end" is pinned to the current head once, so that a resume before the first
      // event still starts from there rather than from a later end.
      start: from === END ? async () => (await this.headPosition()) ?? START : from,
      open: (start) => this.openSubscription(start, filter),
      isTransient: isTransientError,
      translateError: (error) => translateError(error),
      reconnect: this.reconnect,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

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
    return new EsdbSubscriptionSource(subscription, (resolved) =>
      resolved.event && filter.accepts(resolved.event) ? this.decode(resolved) : undefined,
    );
  }

  /**
   * Decodes a read's events, keeping those `accepts` lets through, up to maxCount. The count is
   * kept here, not by the server, because `accepts` may drop events the server sent.
   */
  private async *decodeAll(
    startRead: () => StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
    context: ErrorContext,
    accepts: (event: EventIdentity) => boolean,
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
    return fromClientEvent(resolved, this.upcasters);
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
