import {
  AppendTooLargeError,
  formatPosition,
  WrongExpectedVersionError,
  type EventStore,
  type JsonObject,
  type NewEvent,
} from '@duty-ledger/event-store';
import type { Decider } from '@duty-ledger/domain';
import { deterministicUuid } from './deterministic-id';
import { loadState, type AnyEvent } from './load-state';
import type { Snapshot, StreamStateCache } from './stream-state-cache';

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
  /**
   * Global position of the last event of the append that carried the command's events (commands
   * on one stream may share an append): wait on it for read-your-writes. '' when nothing changed.
   */
  readonly position: string;
  readonly events: readonly Event[];
}

/** A command for one stream and how to execute it. */
export interface StreamCommand<Command> {
  readonly command: Command;
  readonly options: ExecutionOptions;
}

export type CommandOutcome<Event> =
  | { readonly ok: true; readonly value: CommandResult<Event> }
  | { readonly ok: false; readonly error: unknown };

const MAX_ATTEMPTS = 5;

/** One command through executeBatch, its refusal thrown: for callers outside the HTTP path (users). */
export async function executeCommand<Command, State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: ExecutionOptions,
  cache?: StreamStateCache<State>,
): Promise<CommandResult<Event>> {
  const [outcome] = await executeBatch(store, streamId, decider, [{ command, options }], cache);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * Load, decide, append, for several commands on one stream: executed as if one after another
 * (each decided on the state the ones before it leave, with the events as the store would give
 * them back) and appended together, one revision check and one commit for all. Each command gets
 * its own outcome; outcomes that rest on events not yet stored stand only once the append
 * succeeds. Without If-Match a lost race is retried on fresh state, which is safe because the
 * decision is remade from the events; with If-Match the caller asked to act only on what it saw,
 * so the conflict goes back (as 409).
 */
export async function executeBatch<Command, State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  batch: readonly StreamCommand<Command>[],
  cache?: StreamStateCache<State>,
): Promise<CommandOutcome<Event>[]> {
  const outcomes: CommandOutcome<Event>[] = new Array(batch.length);
  let open = batch.map((_, index) => index);
  for (let attempt = 1; open.length > 0; attempt += 1) {
    const { state, revision, written } = await loadState(store, streamId, decider, cache);
    const round = decideInTurn(streamId, decider, batch, open, state, revision, written);
    for (const [index, outcome] of round.stored) outcomes[index] = outcome;
    if (round.events.length === 0) return outcomes;

    let error: unknown;
    try {
      const result = await store.append(streamId, round.events, {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      const position = formatPosition(result.position);
      for (const [index, outcome] of round.provisional)
        outcomes[index] =
          outcome.ok && outcome.value.events.length > 0
            ? { ok: true, value: { ...outcome.value, position } }
            : outcome;
      return outcomes;
    } catch (caught) {
      error = caught;
    }

    const provisional = [...round.provisional.keys()];
    if (error instanceof AppendTooLargeError && round.writers > 1) {
      // Together too large for one append: each on its own, in order.
      for (const index of provisional)
        [outcomes[index]] = await executeBatch(store, streamId, decider, [batch[index]], cache);
      return outcomes;
    }
    const conflict = error instanceof WrongExpectedVersionError ? error : undefined;
    // Usually the cache is merely behind another writer, but a conflict is also how a stream
    // whose stored history no longer matches it (restored from a backup) shows: read it afresh.
    if (conflict) cache?.forget(streamId);
    open = [];
    for (const index of provisional) {
      const { options } = batch[index];
      if (conflict && options.expectedRevision === undefined && attempt < MAX_ATTEMPTS) {
        options.onRetry?.();
        open.push(index);
      } else if (conflict && options.expectedRevision !== undefined) {
        const expected = options.expectedRevision;
        outcomes[index] = {
          ok: false,
          error: new WrongExpectedVersionError(streamId, expected, conflict.actual),
        };
      } else {
        outcomes[index] = { ok: false, error };
      }
    }
  }
  return outcomes;
}

interface Round<Event> {
  /** Outcomes decided on stored events only: final whatever the append does. */
  readonly stored: Map<number, CommandOutcome<Event>>;
  /** Outcomes from the first command with events on: they stand only if the append succeeds. */
  readonly provisional: Map<number, CommandOutcome<Event>>;
  readonly events: readonly NewEvent[];
  /** Commands with events to append. */
  readonly writers: number;
}

/** Decides the open commands in order, each on the state the ones before it leave. */
function decideInTurn<Command, State, Event extends AnyEvent>(
  streamId: string,
  decider: Decider<Command, State, Event>,
  batch: readonly StreamCommand<Command>[],
  open: readonly number[],
  loaded: State,
  revision: number,
  written: Snapshot<State>['written'],
): Round<Event> {
  const stored = new Map<number, CommandOutcome<Event>>();
  const provisional = new Map<number, CommandOutcome<Event>>();
  const events: NewEvent[] = [];
  let writers = 0;
  let state = loaded;
  let at = revision;
  for (const index of open) {
    const { command, options } = batch[index];
    const earlier = written?.get(options.commandId);
    if (earlier) {
      // Already in the stream (sent again after a crash lost its answer): answer as then.
      const value = { streamId, ...earlier, events: earlier.events as unknown as Event[] };
      stored.set(index, { ok: true, value });
      continue;
    }
    const outcome = decideOne(streamId, decider, command, options, state, at);
    if (outcome.ok && outcome.value.events.length > 0) {
      const stamped = toNewEvents(outcome.value.events, options);
      events.push(...stamped);
      for (const event of stamped) state = decider.evolve(state, asStored<Event>(event));
      at = outcome.value.revision;
      writers += 1;
    }
    (events.length === 0 ? stored : provisional).set(index, outcome);
  }
  return { stored, provisional, events, writers };
}

function decideOne<Command, State, Event extends AnyEvent>(
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: ExecutionOptions,
  state: State,
  revision: number,
): CommandOutcome<Event> {
  if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
    const actual = revision < 0 ? 'no_stream' : revision;
    const error = new WrongExpectedVersionError(streamId, options.expectedRevision, actual);
    return { ok: false, error };
  }
  try {
    const events = decider.decide(command, state);
    return {
      ok: true,
      value: { streamId, revision: revision + events.length, position: '', events },
    };
  } catch (error) {
    return { ok: false, error };
  }
}

/** An event as loadState would read it back: its data through JSON, as the store keeps it. */
function asStored<Event>(event: NewEvent): Event {
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(JSON.stringify(event.data)) as JsonObject,
  } as unknown as Event;
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
