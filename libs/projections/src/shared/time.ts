/**
 * Time on the read side. Instants are ISO-8601 UTC strings as `Date.toISOString()` writes them, so
 * text order is time order and SQLite compares them with plain `<=`. Calendar dates (YYYY-MM-DD)
 * are days in China Standard Time (UTC+8, no daylight saving since 1991).
 */

/** `valid_to` of a row that is still current: after every instant a query can ask about. */
export const OPEN_END = '9999-12-31T23:59:59.999Z';

export const CHINA_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Normalises any ISO-8601 instant to the canonical form; throws on nonsense. */
export function toInstant(value: string | Date): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: '${String(value)}'`);
  return new Date(ms).toISOString();
}

/** The first instant of a calendar day in the given offset. */
export function dayStart(date: string, offsetMinutes = CHINA_OFFSET_MINUTES): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - offsetMinutes * 60_000;
}

/** The instant a due date runs out: the end of that day (24:00) in the given offset. */
export const dueInstant = (dueDate: string, offsetMinutes = CHINA_OFFSET_MINUTES): number =>
  dayStart(dueDate, offsetMinutes) + DAY_MS;

export const daysBetween = (fromMs: number, toMs: number): number => (toMs - fromMs) / DAY_MS;

export const addDays = (instantMs: number, days: number): number => instantMs + days * DAY_MS;

/**
 * A bound of a time range given as an instant or a calendar day: a day stands for its first
 * instant as a lower bound and its last as an upper bound (China time).
 */
export function rangeBound(
  value: string,
  side: 'from' | 'to',
  offsetMinutes = CHINA_OFFSET_MINUTES,
): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(
      side === 'from' ? dayStart(value, offsetMinutes) : dueInstant(value, offsetMinutes) - 1,
    ).toISOString();
  }
  return toInstant(value);
}

/**
 * The instant an `asOf` stands for: an instant as given, or a calendar day as all of it, up to its
 * end in China time ("as it stood on 30 June").
 */
export const asOfInstant = (value: string | Date): string =>
  value instanceof Date ? toInstant(value) : rangeBound(value, 'to');
