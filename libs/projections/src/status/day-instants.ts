import { dayStart, dueInstant } from '../shared/time';

/**
 * Day instants memoised per calendar day: every obligation row asks for the instant its due date
 * runs out and for the start of its plan year, and a listing has few distinct days but hundreds
 * of rows; parsing the date each time was a visible share of the profile. Bounded, because a day
 * can come from a request.
 */
const MAX_DAYS = 20_000;
const ends = new Map<number, Map<string, number>>();
const starts = new Map<number, Map<number, number>>();

function memo<K>(maps: Map<number, Map<K, number>>, offset: number): Map<K, number> {
  let map = maps.get(offset);
  if (!map) {
    map = new Map();
    maps.set(offset, map);
  }
  if (map.size > MAX_DAYS) map.clear();
  return map;
}

/** The instant a due date runs out (see `dueInstant`). */
export function dueInstantOf(dueDate: string, offsetMinutes: number): number {
  const map = memo(ends, offsetMinutes);
  let instant = map.get(dueDate);
  if (instant === undefined) {
    instant = dueInstant(dueDate, offsetMinutes);
    map.set(dueDate, instant);
  }
  return instant;
}

/** The first instant of 1 January of a year. */
export function yearStartOf(year: number, offsetMinutes: number): number {
  const map = memo(starts, offsetMinutes);
  let instant = map.get(year);
  if (instant === undefined) {
    instant = dayStart(`${year}-01-01`, offsetMinutes);
    map.set(year, instant);
  }
  return instant;
}
