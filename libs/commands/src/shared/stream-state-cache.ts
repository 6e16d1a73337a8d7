/** A stream's folded state and the revision of the last event folded into it (-1: none). */
export interface Snapshot<State> {
  readonly state: State;
  readonly revision: number;
  /** The commands whose events the stream holds, by command id (from each event's metadata). */
  readonly written?: ReadonlyMap<string, WrittenCommand>;
}

/** Where a command's events landed: its answer, should the command be sent again. */
export interface WrittenCommand {
  /** The revision of its last event. */
  readonly revision: number;
  /** The global position of its last event, formatted. */
  readonly position: string;
  readonly events: readonly { type: string; schemaVersion: number; data: object }[];
}

export const DEFAULT_CACHED_STREAMS = 4096;

/**
 * Folded state per stream, kept between commands so a command reads only the events appended
 * since (see loadState). Least recently used streams are evicted beyond `maxStreams`.
 *
 * One cache serves one fold. It holds the very state objects handed to decide and evolve, which is
 * safe only because the domain never mutates a state it is given (libs/domain proves it in
 * task-decider.immutability.unit.spec.ts).
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, Snapshot<State>>();

  constructor(readonly maxStreams = DEFAULT_CACHED_STREAMS) {
    if (!Number.isSafeInteger(maxStreams) || maxStreams < 1)
      throw new RangeError(`maxStreams must be a positive integer, got ${maxStreams}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(streamId: string): Snapshot<State> | undefined {
    const snapshot = this.entries.get(streamId);
    if (snapshot) {
      // Map keeps insertion order: re-inserting makes this the most recently used entry.
      this.entries.delete(streamId);
      this.entries.set(streamId, snapshot);
    }
    return snapshot;
  }

  /** Keeps the snapshot unless a later one is already held (concurrent loads may finish out of order). */
  remember(streamId: string, snapshot: Snapshot<State>): void {
    const held = this.entries.get(streamId);
    if (held && held.revision > snapshot.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, snapshot);
    if (this.entries.size > this.maxStreams) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
