import { LruCache } from '../shared/lru-cache';
import { raise, type StreamClock } from './stream-clock';

/**
 * The stream instants of a group of projections kept in memory between batches, and written
 * behind: instants changed since the last flush are held apart from the LRU (so eviction cannot
 * lose them) until the group writes them, inside a transaction, for each of its projections.
 */
export class StreamInstants {
  private readonly known: LruCache<string, string>;
  private readonly dirty = new Map<string, string>();

  constructor(
    private readonly clock: StreamClock,
    capacity: number,
  ) {
    this.known = new LruCache(capacity);
  }

  /** Instants not written yet. */
  get pending(): number {
    return this.dirty.size;
  }

  /** The events' instants on the time axis of `source` (any projection of the group). */
  stamp(source: string, events: readonly { streamId: string; recordedAt: string }[]): string[] {
    const latest = new Map<string, string>();
    const stamped = raise(
      events,
      (streamId) =>
        this.dirty.get(streamId) ?? this.known.get(streamId) ?? this.clock.latest(source, streamId),
      latest,
    );
    for (const [streamId, at] of latest) {
      this.dirty.set(streamId, at);
      this.known.set(streamId, at);
    }
    return stamped;
  }

  flush(projections: readonly string[]): void {
    for (const [streamId, at] of this.dirty) this.clock.record(projections, streamId, at);
    this.dirty.clear();
  }

  resize(capacity: number): void {
    this.known.resize(capacity);
  }
}
