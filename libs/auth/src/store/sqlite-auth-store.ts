import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthStore, StoredSession } from './auth-store';

export const AUTH_DB_FILE = 'auth.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS credentials (
  user_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  session_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
`;

interface SessionRow {
  user_id: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

/**
 * The embedded store's AuthStore: a SQLite file of its own beside the event store in DATA_DIR
 * (readable by the service's user only), so processes sharing the data directory — the service and
 * the CLI — see the same passwords and sessions, and nothing here ever enters the event log.
 */
export class SqliteAuthStore implements AuthStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataDir: string): SqliteAuthStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, AUTH_DB_FILE);
    const db = new Database(file);
    chmodSync(file, 0o600);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return new SqliteAuthStore(db);
  }

  async passwordHash(userId: string): Promise<string | undefined> {
    const row = this.db
      .prepare<[string], { password_hash: string }>(
        'SELECT password_hash FROM credentials WHERE user_id = ?',
      )
      .get(userId);
    return row?.password_hash;
  }

  async setPasswordHash(userId: string, hash: string, at: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO credentials (user_id, password_hash, changed_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, changed_at = excluded.changed_at`,
      )
      .run(userId, hash, at);
  }

  async saveSession(sessionId: string, session: StoredSession): Promise<void> {
    const save = this.db.transaction(() => {
      // Sessions past their expiry are kept a day (for the record of a late request), then dropped.
      const dayBefore = new Date(Date.parse(session.createdAt) - 86_400_000).toISOString();
      this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(dayBefore);
      this.db
        .prepare(
          'INSERT INTO sessions (session_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        )
        .run(sessionId, session.userId, session.createdAt, session.expiresAt);
    });
    save();
  }

  async session(sessionId: string): Promise<StoredSession | undefined> {
    const row = this.db
      .prepare<[string], SessionRow>(
        'SELECT user_id, created_at, expires_at, ended_at FROM sessions WHERE session_id = ?',
      )
      .get(sessionId);
    if (!row) return undefined;
    return {
      userId: row.user_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    };
  }

  async endSession(sessionId: string, at: string): Promise<void> {
    this.db
      .prepare('UPDATE sessions SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL')
      .run(at, sessionId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
