import type { Decider } from '@duty-ledger/domain';
import {
  formatPosition,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
} from '@duty-ledger/event-store';
import type { Snapshot, StreamStateCache, WrittenCommand } from './stream-state-cache';

export type AnyEvent = { type: string; schemaVersion: number; data: object };

/** How a stream's events fold into state: the half of a decider that loading needs. */
export type Fold<State, Event> = Pick<
  Decider<unknown, State, Event, unknown>,
  'evolve' | 'initialState'
>;

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
  // Copied once per load, on the first new event: a cached snapshot may be in use elsewhere.
  let written: Map<string, WrittenCommand> | undefined;
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
      written = noteCommand(written ?? new Map(cached?.written), recorded);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    // Only a store emptied under a running process gets here with a cached state.
    if (cached) {
      cache?.forget(streamId);
      return { state: decider.initialState(), revision: -1 };
    }
  }
  const commands = written ?? cached?.written;
  const snapshot = { state, revision, ...(commands ? { written: commands } : {}) };
  if (revision >= 0) cache?.remember(streamId, snapshot);
  return snapshot;
}

/**
 * Adds the event to the record of its command (metadata.commandId). A command sent again after a
 * crash (same Idempotency-Key, hence same command id) is then recognised wherever its events
 * landed in the stream, not only at the revision the retry expects.
 */
function noteCommand(
  written: Map<string, WrittenCommand>,
  recorded: RecordedEvent,
): Map<string, WrittenCommand> {
  const commandId = (recorded.metadata as { commandId?: unknown } | undefined)?.commandId;
  if (typeof commandId !== 'string') return written;
  const event = { type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data };
  written.set(commandId, {
    revision: recorded.revision,
    position: formatPosition(recorded.position),
    events: [...(written.get(commandId)?.events ?? []), event],
  });
  return written;
}
