import { toAsciiDigits } from './text/numbers';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

function iso(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  const last = lastDayOf(year, month);
  if (day !== undefined && (day < 1 || day > last)) return undefined;
  return `${year}-${pad(month)}-${pad(day ?? last)}`;
}

/**
 * Deadlines written in a text, as ISO dates in order of appearance: "6月底前", "2025年3月31日前",
 * "年底前" / "2025年底前". A month or day without a year is in `year`, the plan year.
 */
export function deadlinesIn(text: string, year: number): string[] {
  const ascii = toAsciiDigits(text);
  const found: { at: number; date: string }[] = [];
  const add = (at: number, date: string | undefined): void => {
    if (date) found.push({ at, date });
  };
  for (const m of ascii.matchAll(/(?:(\d{4})年)?(\d{1,2})月底(?:前|之前|以前)/g)) {
    add(m.index, iso(m[1] ? Number(m[1]) : year, Number(m[2])));
  }
  for (const m of ascii.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号](?:前|之前|以前)/g)) {
    add(m.index, iso(m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3])));
  }
  for (const m of ascii.matchAll(/(\d{4})?年底(?:前|之前|以前)/g)) {
    add(m.index, iso(m[1] ? Number(m[1]) : year, 12));
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}
