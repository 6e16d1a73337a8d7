import type Database from 'better-sqlite3';
import { formatPosition, parsePosition, type Position } from '@duty-ledger/event-store';

/** Where a projection stands: stored in the same transaction as its rows. */
export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** The last applied event; undefined before the first. */
  readonly position?: Position;
  /** The read-side recording instant of that event (see ProjectionEvent.at). */
  readonly lastAt?: string;
  readonly eventsApplied: number;
}

interface CheckpointRow {
  name: string;
  version: number;
  position: string | null;
  last_at: string | null;
  events_applied: number;
}

export class CheckpointTable {
  private readonly selectOne: Database.Statement<[string], CheckpointRow>;
  private readonly upsert: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      position TEXT,
      last_at TEXT,
      events_applied INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.selectOne = db.prepare('SELECT * FROM projection_checkpoints WHERE name = ?');
    this.upsert =
      db.prepare(`INSERT INTO projection_checkpoints (name, version, position, last_at, events_applied)
      VALUES (@name, @version, @position, @last_at, @events_applied)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
        last_at = excluded.last_at, events_applied = excluded.events_applied`);
  }

  get(name: string): Checkpoint | undefined {
    const row = this.selectOne.get(name);
    if (!row) return undefined;
    return {
      name: row.name,
      version: row.version,
      position: row.position === null ? undefined : parsePosition(row.position),
      lastAt: row.last_at ?? undefined,
      eventsApplied: row.events_applied,
    };
  }

  put(checkpoint: Checkpoint): void {
    this.upsert.run({
      name: checkpoint.name,
      version: checkpoint.version,
      position: checkpoint.position ? formatPosition(checkpoint.position) : null,
      last_at: checkpoint.lastAt ?? null,
      events_applied: checkpoint.eventsApplied,
    });
  }
}
