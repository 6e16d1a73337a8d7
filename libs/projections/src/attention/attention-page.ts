import type Database from 'better-sqlite3';

/** One page of an attention list, shaped like the obligation listings' pages. */
export interface AttentionPage<T> {
  /** How many items the whole list holds. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Pass as `offset` (with `list`) for the next page; null on the last one. */
  readonly nextOffset: number | null;
  readonly items: readonly T[];
}

export interface PageBounds {
  readonly limit: number;
  readonly offset: number;
}

/** A row of a list's page statement: `count(*) OVER () AS total` counts the whole list. */
export interface CountedRow {
  total: number;
}

/**
 * Runs a list's page statement (its SQL ends in `LIMIT @limit OFFSET @offset` and carries the
 * list's size in every row), so one pass over the list gives both the page and the total: the
 * lists cost what finding their items costs, and counting them apart would pay it twice. Only a
 * page past the end carries no row to read the total from; it is then asked for a page of one.
 */
export function readPage<R extends CountedRow, T>(
  statement: Database.Statement<[object], R>,
  params: object,
  bounds: PageBounds,
  toItem: (row: R) => T,
): AttentionPage<T> {
  const rows = statement.all({ ...params, limit: bounds.limit, offset: bounds.offset });
  const total =
    rows.length > 0
      ? rows[0].total
      : bounds.offset === 0
        ? 0
        : (statement.get({ ...params, limit: 1, offset: 0 })?.total ?? 0);
  const end = bounds.offset + rows.length;
  return {
    total,
    limit: bounds.limit,
    offset: bounds.offset,
    nextOffset: end < total ? end : null,
    items: rows.map(toItem),
  };
}
