import type Database from 'better-sqlite3';

/**
 * Statements prepared once per database and SQL text. Preparing costs more than running the small
 * queries of the read endpoints (measured in bench:query-breakdown), and the SQL of a query is one
 * of a few fixed texts, so each is compiled the first time it is asked for and kept as long as the
 * database object lives. SQLite re-prepares a statement by itself after a schema change.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared<P extends unknown[] | object, R>(
  db: Database.Database,
  sql: string,
): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
