import { RuleViolationError } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function requireIsoDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new RuleViolationError(
      `${field} must be a calendar date YYYY-MM-DD`,
      { field, [field]: value },
      'date-invalid',
    );
  }
  return value;
}

/** Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) an instant falls on in Asia/Shanghai. */
export function shanghaiDateOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RuleViolationError(
      'metadata.now must be an ISO-8601 instant',
      { now: instant },
      'now-invalid',
    );
  }
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
