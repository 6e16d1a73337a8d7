import type Database from 'better-sqlite3';
import { LruCache } from '../shared/lru-cache';

/**
 * The latest read-side recording instant of each stream, per projection, stored in the same
 * transaction as the projection's rows. A stream's events are decided one after another, so its
 * history must never go back in time even if a clock stepped back; separate streams (separate
 * aggregates) keep the instants they were recorded at, so one writer's clock cannot shift another
 * plan's history.
 */
export class StreamClock {
  private readonly select: Database.Statement<[string, string], { last_at: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly clear: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_stream_clock (
      projection TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      last_at TEXT NOT NULL,
      PRIMARY KEY (projection, stream_id)
    ) WITHOUT ROWID`);
    this.select = db.prepare(
      'SELECT last_at FROM projection_stream_clock WHERE projection = ? AND stream_id = ?',
    );
    this.upsert =
      db.prepare(`INSERT INTO projection_stream_clock (projection, stream_id, last_at) VALUES (?, ?, ?)
      ON CONFLICT (projection, stream_id) DO UPDATE SET last_at = excluded.last_at`);
    this.clear = db.prepare('DELETE FROM projection_stream_clock WHERE projection = ?');
  }

  /**
   * The instants of a batch of events on the time axis of projections that stand at the same
   * checkpoint (so they share their stream instants): each raised to the latest instant of its
   * stream so far, and stored for every one of them. `known` remembers instants across batches
   * (it must be dropped with the transaction if that rolls back). Call inside the batch's
   * transaction.
   */
  stamp(
    projections: readonly string[],
    events: readonly { streamId: string; recordedAt: string }[],
    known: LruCache<string, string> = new LruCache(0),
  ): string[] {
    const latest = new Map<string, string>();
    const stamped = events.map(({ streamId, recordedAt }) => {
      let previous = latest.get(streamId) ?? known.get(streamId);
      if (previous === undefined)
        previous = this.select.get(projections[0], streamId)?.last_at ?? '';
      const at = recordedAt > previous ? recordedAt : previous;
      latest.set(streamId, at);
      return at;
    });
    for (const [streamId, at] of latest) {
      for (const projection of projections) this.upsert.run(projection, streamId, at);
      known.set(streamId, at);
    }
    return stamped;
  }

  forget(projection: string): void {
    this.clear.run(projection);
  }
}
