import {
  formatPosition,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
} from '@duty-ledger/event-store';
import { deterministicUuid } from './deterministic-id';
import type { Snapshot, StreamStateCache } from './stream-state-cache';

type AnyEvent = { type: string; schemaVersion: number; data: object };

/** How a stream's events fold into state. */
export interface Fold<State, Event extends AnyEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

/** The pure pair a stream's decisions come from (see libs/domain). */
export interface Decider<Command, State, Event extends AnyEvent> extends Fold<State, Event> {
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export interface ExecutionOptions {
  /** From If-Match: the revision the caller last saw. Conflicts are then reported, never retried. */
  readonly expectedRevision?: number;
  readonly commandId: string;
  /** Metadata stamped on every event; recordedAt is added at append. */
  readonly metadata: JsonObject;
  readonly recordedAt: () => string;
  /** Called before each retry after a lost revision race (for the retry count in the logs). */
  readonly onRetry?: () => void;
}

export interface CommandResult<Event> {
  readonly streamId: string;
  /** The stream's revision after the command: send it back as If-Match. */
  readonly revision: number;
  /** Global position of the last event appended: wait on it for read-your-writes. */
  readonly position: string;
  readonly events: readonly Event[];
}

const MAX_ATTEMPTS = 5;

/**
 * Reads the stream and folds it; revision -1 when the stream does not exist yet. With a cache, the
 * fold starts from the state cached for the stream and reads only the events after its revision:
 * the read still goes to the store, so events appended by other processes are folded in too.
 */
export async function loadState<State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  decider: Fold<State, Event>,
  cache?: StreamStateCache<State>,
): Promise<Snapshot<State>> {
  const cached = cache?.get(streamId);
  let state = cached ? cached.state : decider.initialState();
  let revision = cached ? cached.revision : -1;
  try {
    const events = cached
      ? store.readStream(streamId, { fromRevision: cached.revision + 1 })
      : store.readStream(streamId);
    for await (const recorded of events) {
      state = decider.evolve(state, {
        type: recorded.type,
        schemaVersion: recorded.schemaVersion,
        data: recorded.data,
      } as unknown as Event);
      revision = recorded.revision;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    // Only a store emptied under a running process gets here with a cached state.
    if (cached) {
      cache?.forget(streamId);
      return { state: decider.initialState(), revision: -1 };
    }
  }
  if (revision >= 0) cache?.remember(streamId, { state, revision });
  return { state, revision };
}

/**
 * Load, decide, append with the revision the decision was made on. Without If-Match a lost race
 * is retried on fresh state, which is safe because the decision is remade from the events; with
 * If-Match the caller asked to act only on what it saw, so the conflict goes back as 409.
 */
export async function executeCommand<Command, State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: ExecutionOptions,
  cache?: StreamStateCache<State>,
): Promise<CommandResult<Event>> {
  for (let attempt = 1; ; attempt += 1) {
    const { state, revision } = await loadState(store, streamId, decider, cache);
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new WrongExpectedVersionError(
        streamId,
        options.expectedRevision,
        revision < 0 ? 'no_stream' : revision,
      );
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { streamId, revision, position: '', events };
    const expectedRevision: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
    try {
      const result = await store.append(streamId, toNewEvents(events, options), {
        expectedRevision,
      });
      return {
        streamId,
        revision: result.nextExpectedRevision,
        position: formatPosition(result.position),
        events,
      };
    } catch (error) {
      const conflict = error instanceof WrongExpectedVersionError;
      // Usually the cache is merely behind another writer, but a conflict is also how a stream
      // whose stored history no longer matches it (restored from a backup) shows: read it afresh.
      if (conflict) cache?.forget(streamId);
      if (!conflict || options.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS)
        throw error;
      options.onRetry?.();
    }
  }
}

/** Event ids derive from the command id, so a retried command cannot write its events twice. */
export function toNewEvents(events: readonly AnyEvent[], options: ExecutionOptions, offset = 0) {
  const recordedAt = options.recordedAt();
  return events.map((event, index) => ({
    id: deterministicUuid(options.commandId, String(offset + index)),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data as JsonObject,
    metadata: { ...options.metadata, recordedAt },
  }));
}
