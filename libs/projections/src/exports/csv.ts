import type { Column } from './table';

const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe:
 * reasons and names are typed by people, and a CSV must not execute when opened.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling the quotes. */
function field(value: string | number | undefined, percent: boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return percent ? `${(value * 100).toFixed(1)}%` : String(value);
  const text = defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 CSV with a byte-order mark (so Excel reads the Chinese right), CRLF line ends. */
export function toCsv<T>(columns: readonly Column<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => field(c.header, false)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row), c.percent)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
