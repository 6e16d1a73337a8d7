import type Database from 'better-sqlite3';
import { OPEN_END } from './time';

export type RowValues = Record<string, string | number | null>;

/**
 * A bitemporal table by recording time: every row is a version of one key, valid from the
 * instant it was recorded until the next version was (`valid_to`, OPEN_END while current).
 * "As of T" is `valid_from <= T AND valid_to > T`: at most one version of a key matches, and
 * a query never has to replay events. Versions are only ever closed, never edited, except that
 * a version superseded at its own instant is dropped (it was never visible).
 */
export class VersionedTable {
  private readonly close: Database.Statement;
  private readonly dropEmpty: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly keyWhere: string;

  constructor(
    db: Database.Database,
    readonly table: string,
    private readonly keyColumns: readonly string[],
    private readonly valueColumns: readonly string[],
  ) {
    this.keyWhere = keyColumns.map((c) => `${c} = @${c}`).join(' AND ');
    const columns = [...keyColumns, ...valueColumns];
    this.close = db.prepare(
      `UPDATE ${table} SET valid_to = @at WHERE ${this.keyWhere} AND valid_to = '${OPEN_END}'`,
    );
    this.dropEmpty = db.prepare(
      `DELETE FROM ${table} WHERE ${this.keyWhere} AND valid_from = @at AND valid_to = @at`,
    );
    this.insert = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}, valid_from, valid_to) VALUES (${columns.map((c) => `@${c}`).join(', ')}, @at, '${OPEN_END}')`,
    );
  }

  /** Column definitions every versioned table carries. */
  static readonly VALIDITY_COLUMNS = `valid_from TEXT NOT NULL, valid_to TEXT NOT NULL`;

  /**
   * Brings the current versions from `before` to `after` (both: key → full row), recorded at `at`.
   * Rows equal in both are left alone; `at` must not be earlier than any current version's start.
   */
  sync(
    before: ReadonlyMap<string, RowValues>,
    after: ReadonlyMap<string, RowValues>,
    at: string,
  ): void {
    for (const [key, row] of before) {
      const next = after.get(key);
      if (next && this.sameValues(row, next)) continue;
      const keyParams = this.keyOf(row);
      this.close.run({ ...keyParams, at });
      this.dropEmpty.run({ ...keyParams, at });
    }
    for (const [key, row] of after) {
      const previous = before.get(key);
      if (previous && this.sameValues(previous, row)) continue;
      this.insert.run({ ...this.pick(row), at });
    }
  }

  private sameValues(a: RowValues, b: RowValues): boolean {
    return this.valueColumns.every((c) => a[c] === b[c]);
  }

  private keyOf(row: RowValues): RowValues {
    return Object.fromEntries(this.keyColumns.map((c) => [c, row[c]]));
  }

  private pick(row: RowValues): RowValues {
    return Object.fromEntries(
      [...this.keyColumns, ...this.valueColumns].map((c) => [c, row[c] ?? null]),
    );
  }
}
