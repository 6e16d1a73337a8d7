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

  /**
   * The instants of a batch of events on one projection's time axis: each raised to the latest
   * instant of its stream so far. Call inside the batch's transaction.
   */
  stamp(projection: string, events: readonly { streamId: string; recordedAt: string }[]): string[] {
    const latest = new Map<string, string>();
    const stamped = events.map(({ streamId, recordedAt }) => {
      let previous = latest.get(streamId);
      if (previous === undefined) previous = this.select.get(projection, streamId)?.last_at ?? '';
      const at = recordedAt > previous ? recordedAt : previous;
      latest.set(streamId, at);
      return at;
    });
    for (const [streamId, at] of latest) this.upsert.run(projection, streamId, at);
    return stamped;
  }

  forget(projection: string): void {
    this.clear.run(projection);
  }
}
