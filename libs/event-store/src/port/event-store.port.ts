import type { AppendResult, NewEvent, RecordedEvent } from './events';
import type { ExpectedRevision } from './expected-revision';
import type { Position, START, END } from './position';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Revision to start from, inclusive; default: the start (forwards) or the end (backwards). */
  readonly fromRevision?: number | typeof START | typeof END;
  readonly maxCount?: number;
}

/** Server-side filter of $all reads and subscriptions. Prefix lists match as EventStoreDB's do. */
export interface AllFilter {
  readonly streamNamePrefixes?: readonly string[];
  readonly eventTypePrefixes?: readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: 'forwards' | 'backwards';
  /**
   * Where to start. Forwards: events at or after this position (a position taken from an event
   * is inclusive, as in EventStoreDB). Use START/END for the ends of the log.
   */
  readonly fromPosition?: Position | typeof START | typeof END;
  readonly maxCount?: number;
  readonly filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive start, as in EventStoreDB: events strictly after this position. START = everything. END = live only. */
  readonly fromPosition?: Position | typeof START | typeof END;
  readonly filter?: AllFilter;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Sent once when catch-up reaches the end of the log; live events follow. */
  | { readonly kind: 'caughtUp' };

/**
 * A catch-up-then-live subscription. Iterate it with `for await`; messages arrive strictly in
 * $all order. It pulls: a slow consumer holds back only itself, never the writers, and loses
 * nothing. `stop()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  stop(): Promise<void>;
}

/**
 * The one port every event store adapter implements. Its semantics are EventStoreDB's:
 * see the contract suite in test/contract for the exact rules.
 */
export interface EventStore {
  /** Appends atomically: all events of the call, or none. */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError for a stream with no events. Upcasts events to their current schema. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The position of the last event in $all, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}

/** The DI token under which an EventStore is provided. */
export const EVENT_STORE = Symbol('EVENT_STORE');
