/**
 * The numbering levels of Chinese government documents, outermost first:
 * 一、 / （一） or (一) / 1. 1、 1． / （1） / ①. A line opening with one of them starts an item
 * at that level; the document decides which level carries the tasks (plan-structure.ts).
 */
export type Level = 1 | 2 | 3 | 4 | 5;

export interface Numbered {
  readonly level: Level;
  /** The numeral as written: 二, 1, ③. */
  readonly label: string;
  /** The line after its numeral. */
  readonly text: string;
}

const CHINESE = '[一二三四五六七八九十百〇零]+';
const DIGITS = '[0-9０-９]{1,3}';
const LEVELS: readonly (readonly [Level, RegExp])[] = [
  [1, new RegExp(`^(${CHINESE})\\s*[、.．]\\s*(\\S.*)$`)],
  [2, new RegExp(`^[（(]\\s*(${CHINESE})\\s*[）)]\\s*(\\S.*)$`)],
  // "1.5万" is a number, not a numeral: no digit right after the point.
  [3, new RegExp(`^(${DIGITS})\\s*(?:、|[.．](?![0-9０-９]))\\s*(\\S.*)$`)],
  [4, new RegExp(`^[（(]\\s*(${DIGITS})\\s*[）)]\\s*(\\S.*)$`)],
  [5, /^([①-⑳])\s*(\S.*)$/],
];

export function numberedLine(line: string): Numbered | undefined {
  for (const [level, re] of LEVELS) {
    const m = re.exec(line);
    if (m) return { level, label: m[1], text: m[2] };
  }
  return undefined;
}

/** The Arabic value of a level-3 or level-4 numeral (full-width digits included). */
export function arabicValue(label: string): number | undefined {
  const ascii = label.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return /^\d+$/.test(ascii) ? Number(ascii) : undefined;
}
