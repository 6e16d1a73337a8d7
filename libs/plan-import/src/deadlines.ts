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

const BEFORE = '(?:前|之前|以前)';
const QUARTERS: Readonly<Record<string, number>> = {
  一: 3,
  二: 6,
  三: 9,
  四: 12,
  1: 3,
  2: 6,
  3: 9,
  4: 12,
};

/**
 * The ways a plan writes a due date, each with the date it means in `year` (the plan year) when
 * it names no year of its own: "6月底前", "2024年3月15日前", "年底前" / "2025年底前" / "到2025年底",
 * "三季度前" / "第三季度末", "上半年" / "年中", "年内" / "全年". The matched text is what a metric
 * must not keep.
 */
export const DEADLINE_PATTERNS: readonly {
  readonly re: RegExp;
  readonly date: (m: RegExpExecArray, year: number) => string | undefined;
}[] = [
  {
    re: new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月底${BEFORE}?`, 'g'),
    date: (m, year) => iso(m[1] ? Number(m[1]) : year, Number(m[2])),
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]${BEFORE}`, 'g'),
    date: (m, year) => iso(m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3])),
  },
  {
    re: new RegExp(`(?:到|至)?(\\d{4})?年底${BEFORE}?`, 'g'),
    date: (m, year) => iso(m[1] ? Number(m[1]) : year, 12),
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?第?([一二三四1-4])季度(?:末|底)?${BEFORE}?`, 'g'),
    date: (m, year) => iso(m[1] ? Number(m[1]) : year, QUARTERS[m[2]]),
  },
  {
    re: new RegExp(`(?:(\\d{4})年)?(?:上半年|年中)(?:末|底)?${BEFORE}?`, 'g'),
    date: (m, year) => iso(m[1] ? Number(m[1]) : year, 6),
  },
  { re: /(?:年内|全年)/g, date: (_m, year) => iso(year, 12) },
];

/**
 * Deadlines written in a text, as ISO dates in order of appearance. A month or day without a
 * year is in `year`, the plan year.
 */
export function deadlinesIn(text: string, year: number): string[] {
  return deadlineSpans(text, year).map((f) => f.date);
}

/** The deadlines of a text with where they are written, in order, overlaps removed. */
export function deadlineSpans(
  text: string,
  year: number,
): { start: number; end: number; date: string }[] {
  const ascii = toAsciiDigits(text);
  const found: { start: number; end: number; date: string }[] = [];
  for (const { re, date } of DEADLINE_PATTERNS) {
    for (const m of ascii.matchAll(re)) {
      const d = date(m, year);
      const start = m.index;
      const end = start + m[0].length;
      if (d && !found.some((f) => start < f.end && f.start < end))
        found.push({ start, end, date: d });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text without its due phrases: what a metric keeps. */
export function withoutDeadlines(text: string, year: number): string {
  let out = text;
  for (const span of deadlineSpans(text, year).reverse()) {
    out = out.slice(0, span.start) + out.slice(span.end);
  }
  return out;
}
