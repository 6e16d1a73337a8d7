import type Database from 'better-sqlite3';

/** Every table of a read-model database, rows in a fixed order, and every index's DDL. */
export interface ReadModelDump {
  readonly tables: Record<string, readonly Record<string, unknown>[]>;
  readonly indexes: readonly { name: string; sql: string }[];
}

/**
 * The whole content of a read-model database, for comparing two of them row for row: each table's
 * rows sorted by all their columns (the order rows were written in is not content), and the
 * indexes as SQLite stores their DDL.
 */
export function dumpReadModels(db: Database.Database): ReadModelDump {
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name);
  const tables = Object.fromEntries(
    names.map((name) => {
      const select = db.prepare(`SELECT * FROM "${name}"`);
      const order = select
        .columns()
        .map((_, i) => i + 1)
        .join(', ');
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all() as Record<
        string,
        unknown
      >[];
      return [name, rows];
    }),
  );
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .all();
  return { tables, indexes };
}
