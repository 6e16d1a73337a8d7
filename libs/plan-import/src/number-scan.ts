import type { Comparator, MeasureKind } from './domain';
import { enclosure } from './text/brackets';
import { scaleDecimal, toAsciiDigits } from './text/numbers';
import {
  APPROXIMATE,
  COMPARATOR_AFTER,
  DURATION_WITHIN,
  UNITS,
  type UnitClass,
} from './target-words';

/** A number written in a phrase, and what it is taken to be. Offsets are into the phrase. */
export type NumberReading =
  | { readonly kind: 'skip'; readonly start: number; readonly end: number; readonly reason: string }
  | {
      readonly kind: 'unclassified';
      readonly start: number;
      readonly end: number;
      readonly reason: string;
    }
  | Quantity;

export interface Quantity {
  readonly kind: 'quantity';
  readonly start: number;
  /** After the number, its 万/亿, its unit and any comparator word after the unit. */
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly unitClass: UnitClass;
  readonly comparatorAfter?: Comparator;
  /** 左右 after the unit: "增长6%左右". */
  readonly approximate: boolean;
  /** True when only 万/亿 followed the number: "不低于132万". */
  readonly unitMissing: boolean;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g;
const RANGE_MARK = /^\s*[-~～—–至]\s*\d/;
const LATIN = /[A-Za-z]/;

/**
 * Reads every Arabic number in a phrase (full-width digits included). Numbers written in Chinese
 * numerals (四大领域, 十四五) are never read: in plans of this kind they name, they do not measure.
 */
export function readNumbers(phrase: string): NumberReading[] {
  const text = toAsciiDigits(phrase);
  return [...text.matchAll(NUMBER)].map((m) => readOne(text, m.index, m[0]));
}

function readOne(text: string, start: number, digits: string): NumberReading {
  const numberEnd = start + digits.length;
  const before = text.slice(0, start);
  const after = text.slice(numberEnd);
  const skip = (reason: string): NumberReading => ({ kind: 'skip', start, end: numberEnd, reason });
  const unclassified = (reason: string, end = numberEnd): NumberReading => ({
    kind: 'unclassified',
    start,
    end,
    reason,
  });

  const enclosedBy = enclosure(text, start);
  if (enclosedBy === 'title') return skip('part of a document title in 《》');
  if (LATIN.test(before.slice(-1))) return skip('part of a code or name (H5, GB/T …)');
  if (after.startsWith('+') || before.endsWith('+')) return skip('part of a name such as 1+N');
  if (
    /^年度/.test(after) ||
    (/^\d{4}$/.test(digits) && /^(年|\s*[-~～—–至]\s*\d{4}\s*年)/.test(after))
  ) {
    return skip('a year');
  }
  if (/^月/.test(after) || (/月$/.test(before) && /^[日号]/.test(after))) return skip('a date');
  if (/第$/.test(before)) return skip('an ordinal');
  if (/\d\s*[-~～—–至]\s*$/.test(before)) return skip('the upper end of a range');
  if (RANGE_MARK.test(after)) return unclassified('a range: which end is the target?');

  const quantity = readQuantity(digits, start, numberEnd, after);
  if (!quantity) {
    if (enclosedBy === 'quote') return skip('part of a quoted name');
    if (LATIN.test(after[0] ?? '')) return skip('part of a technical name (5G, 3D …)');
    return unclassified('a number without a recognised unit');
  }
  if (enclosedBy === 'quote') {
    if (quantity.unitClass === 'duration')
      return skip('a duration inside a quoted name or standard');
    return unclassified(
      'inside a quoted name; it may also be a count to deliver, so it is not taken as a target',
      quantity.end,
    );
  }
  return quantity;
}

function readQuantity(
  digits: string,
  start: number,
  numberEnd: number,
  after: string,
): Quantity | undefined {
  let at = 0;
  let exponent = 0;
  let multiplier = '';
  const mult = /^(万亿|亿|万)/.exec(after);
  if (mult) {
    multiplier = mult[1];
    exponent = multiplier === '万' ? 4 : multiplier === '亿' ? 8 : 12;
    at = multiplier.length;
  }

  let unit = '';
  let unitClass: UnitClass = 'count';
  let value: number;
  if (after.startsWith('元', at)) {
    // Money keeps the stated unit: 2900亿元 is 2900 in 亿元; 1.5万亿元 is 15000 in 亿元.
    const money = multiplier === '万亿' ? '亿元' : `${multiplier}元`;
    value = scaleDecimal(digits, multiplier === '万亿' ? 4 : 0);
    unit = money;
    unitClass = 'money';
    at += 1;
  } else {
    const hit = UNITS.find(
      ([u]) =>
        after.startsWith(u, at) && !(LATIN.test(u[0]) && LATIN.test(after[at + u.length] ?? '')),
    );
    if (hit) {
      [unit, unitClass] = hit;
      at += unit.length;
    } else if (!multiplier) {
      return undefined;
    }
    value = scaleDecimal(digits, exponent);
  }

  let comparatorAfter: Comparator | undefined;
  let approximate = false;
  const rest = after.slice(at);
  const closing = COMPARATOR_AFTER.find(([w]) => rest.startsWith(w));
  if (closing) {
    comparatorAfter = closing[1];
    approximate = closing[0] === APPROXIMATE;
    at += closing[0].length;
  } else if (unitClass === 'duration' && rest.startsWith(DURATION_WITHIN)) {
    comparatorAfter = 'lte';
    at += DURATION_WITHIN.length;
  }
  return {
    kind: 'quantity',
    start,
    end: numberEnd + at,
    value,
    unit,
    unitClass,
    comparatorAfter,
    approximate,
    unitMissing: unit === '',
  };
}

export function measureOf(unitClass: UnitClass): MeasureKind {
  return unitClass === 'duration' ? 'level' : unitClass;
}
