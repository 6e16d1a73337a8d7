import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../port/errors';

/** Bumped whenever the tables change; stored in PRAGMA user_version. */
export const SCHEMA_VERSION = 1;

/**
 * `position` is the global sequence ($all). AUTOINCREMENT guarantees a committed position is
 * never handed out again, even after the newest rows were deleted by hand.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_event_id ON events (event_id);
`;

export interface OpenDatabaseOptions {
  readonly fsync: boolean;
  readonly busyTimeoutMs: number;
}

/** Opens (creating if needed) the database file in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, options: OpenDatabaseOptions): Database.Database {
  const db = new Database(path, { timeout: options.busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.fsync ? 'FULL' : 'NORMAL'}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: two processes opening a new file at once must not both create the schema.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new EventStoreUnavailableError(
        `The event store file has schema version ${version}; this build knows up to ${SCHEMA_VERSION}`,
      );
    }
    if (version < SCHEMA_VERSION) {
      db.exec(DDL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
  }).immediate();
}
