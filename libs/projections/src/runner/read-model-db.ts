import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const READ_MODEL_FILE = 'read-models.sqlite';

export const readModelPath = (dataDir: string): string => join(dataDir, READ_MODEL_FILE);

/**
 * Opens the read-model database: one file per API instance, rebuildable from the log at any time,
 * so commits need not reach the disk before they return (synchronous = NORMAL under WAL).
 * `:memory:` gives a throwaway database.
 */
export function openReadModelDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  return db;
}
