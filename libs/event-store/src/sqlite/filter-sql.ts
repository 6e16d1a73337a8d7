import type { AllFilter } from '../port/event-store.port';

export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly string[];
}

function prefixes(column: string, list: readonly string[] | undefined): SqlFragment | undefined {
  if (list === undefined) return undefined;
  for (const prefix of list) {
    if (typeof prefix !== 'string') throw new TypeError('Filter prefixes must be strings');
  }
  // An empty list matches nothing, as an empty prefix list does in EventStoreDB's EventFilter.
  if (list.length === 0) return { sql: '0', params: [] };
  // instr(x, p) = 1 is "x starts with p" on whole characters, case-sensitive (LIKE is neither).
  return { sql: `(${list.map(() => `instr(${column}, ?) = 1`).join(' OR ')})`, params: list };
}

/**
 * The WHERE condition for a $all filter: any of the stream-name prefixes AND any of the event-type
 * prefixes (a missing list does not filter).
 */
export function filterCondition(filter: AllFilter | undefined): SqlFragment {
  const parts = [
    prefixes('stream_id', filter?.streamNamePrefixes),
    prefixes('type', filter?.eventTypePrefixes),
  ].filter((part): part is SqlFragment => part !== undefined);
  if (parts.length === 0) return { sql: '1', params: [] };
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}
