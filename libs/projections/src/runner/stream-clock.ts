import type Database from 'better-sqlite3';

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

  /** The latest instant stored for a stream; '' before its first event. */
  latest(projection: string, streamId: string): string {
    return this.select.get(projection, streamId)?.last_at ?? '';
  }

  /** Stores a stream's latest instant for each of the projections. */
  record(projections: readonly string[], streamId: string, at: string): void {
    for (const projection of projections) this.upsert.run(projection, streamId, at);
  }

  /**
   * The instants of a batch of events on the time axis of projections that stand at the same
   * checkpoint (so they share their stream instants): each raised to the latest instant of its
   * stream so far, and stored for every one of them. Call inside the batch's transaction.
   */
  stamp(
    projections: readonly string[],
    events: readonly { streamId: string; recordedAt: string }[],
  ): string[] {
    const latest = new Map<string, string>();
    const stamped = raise(events, (streamId) => this.latest(projections[0], streamId), latest);
    for (const [streamId, at] of latest) this.record(projections, streamId, at);
    return stamped;
  }

  forget(projection: string): void {
    this.clear.run(projection);
  }
}

/**
 * Each event's instant raised to the latest of its stream so far (`previous` for a stream not in
 * `latest` yet); `latest` ends with every stream's new latest instant.
 */
export function raise(
  events: readonly { streamId: string; recordedAt: string }[],
  previous: (streamId: string) => string,
  latest: Map<string, string>,
): string[] {
  return events.map(({ streamId, recordedAt }) => {
    const before = latest.get(streamId) ?? previous(streamId);
    const at = recordedAt > before ? recordedAt : before;
    latest.set(streamId, at);
    return at;
  });
}
