import type Database from 'better-sqlite3';
import { OPEN_END } from './time';

export type RowValues = Record<string, string | number | null>;

type Param = string | number | bigint | null;

/** Where a current version is and when it began. */
interface CurrentVersion {
  readonly id: number | bigint;
  readonly validFrom: string;
}

/**
 * A bitemporal table by recording time: every row is a version of one key, valid from the
 * instant it was recorded until the next version was (`valid_to`, OPEN_END while current).
 * "As of T" is `valid_from <= T AND valid_to > T`: at most one version of a key matches, and
 * a query never has to replay events. Versions are only ever closed, never edited, except that
 * a version superseded at its own instant is dropped (it was never visible).
 *
 * Statements are prepared once, when the read model's writer is opened on its database. A writer
 * that fills the table from empty can `track` the current versions: it then closes them by rowid,
 * needing no index on the key (a build from the start goes without them until it has finished).
 */
export class VersionedTable {
  /** Closes the current version and says when it began, so it is dropped only when it must be. */
  private readonly close: Database.Statement<unknown[], { id: number; valid_from: string }>;
  private readonly closeById: Database.Statement<[string, number | bigint]>;
  private readonly drop: Database.Statement<[number | bigint]>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly columns: readonly string[];
  /** The current version of every key (by the caller's row keys), when tracked. */
  private readonly current: Map<string, CurrentVersion> | undefined;

  constructor(
    db: Database.Database,
    readonly table: string,
    private readonly keyColumns: readonly string[],
    private readonly valueColumns: readonly string[],
    options: { readonly track?: boolean } = {},
  ) {
    const keyWhere = keyColumns.map((c) => `${c} = ?`).join(' AND ');
    this.columns = [...keyColumns, ...valueColumns];
    this.close = db.prepare<unknown[], { id: number; valid_from: string }>(
      `UPDATE ${table} SET valid_to = ? WHERE ${keyWhere} AND valid_to = '${OPEN_END}' RETURNING rowid AS id, valid_from`,
    );
    this.closeById = db.prepare(`UPDATE ${table} SET valid_to = ? WHERE rowid = ?`);
    this.drop = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
    this.insert = db.prepare<unknown[]>(
      `INSERT INTO ${table} (${this.columns.join(', ')}, valid_from, valid_to) VALUES (${this.columns.map(() => '?').join(', ')}, ?, '${OPEN_END}')`,
    );
    this.current = options.track ? new Map() : undefined;
  }

  /** Column definitions every versioned table carries. */
  static readonly VALIDITY_COLUMNS = `valid_from TEXT NOT NULL, valid_to TEXT NOT NULL`;

  /**
   * Brings the current versions from `before` to `after` (both: key → full row), recorded at `at`.
   * Rows equal in both are left alone; `at` must not be earlier than any current version's start.
   * Keys must name the same row in every call (they are what tracking remembers versions by).
   */
  sync(
    before: ReadonlyMap<string, RowValues>,
    after: ReadonlyMap<string, RowValues>,
    at: string,
  ): void {
    for (const [key, row] of before) {
      const next = after.get(key);
      if (next && this.sameValues(row, next)) continue;
      this.closeVersion(key, row, at);
    }
    for (const [key, row] of after) {
      const previous = before.get(key);
      if (previous && this.sameValues(previous, row)) continue;
      const params: Param[] = [];
      for (const c of this.columns) params.push(row[c] ?? null);
      params.push(at);
      const { lastInsertRowid } = this.insert.run(...params);
      this.current?.set(key, { id: lastInsertRowid, validFrom: at });
    }
  }

  private closeVersion(key: string, row: RowValues, at: string): void {
    const tracked = this.current?.get(key);
    if (tracked) {
      this.current?.delete(key);
      if (tracked.validFrom === at) this.drop.run(tracked.id);
      else this.closeById.run(at, tracked.id);
      return;
    }
    const params: Param[] = [at];
    for (const c of this.keyColumns) params.push(row[c]);
    const closed = this.close.get(...params);
    if (closed && closed.valid_from === at) this.drop.run(closed.id);
  }

  private sameValues(a: RowValues, b: RowValues): boolean {
    for (const c of this.valueColumns) if (a[c] !== b[c]) return false;
    return true;
  }
}
