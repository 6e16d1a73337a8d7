import { sameJson } from './same-json';

const cases: [string, unknown, unknown][] = [
  ['equal objects', { a: 1, b: [1, 'x'] }, { a: 1, b: [1, 'x'] }],
  ['another key order', { a: 1, b: 2 }, { b: 2, a: 1 }],
  ['an undefined key against a missing one', { a: 1, b: undefined }, { a: 1 }],
  ['an undefined key against null', { a: undefined }, { a: null }],
  ['undefined in an array against null', [undefined], [null]],
  ['a number against its text', { a: 1 }, { a: '1' }],
  ['a longer array', [1, 2], [1, 2, 3]],
  ['an array against an object', [], {}],
  ['NaN against null', [Number.NaN], [null]],
  ['nested difference', { a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }],
  ['undefined against undefined', undefined, undefined],
  ['undefined against null', undefined, null],
  ['dates', { at: new Date(0) }, { at: '1970-01-01T00:00:00.000Z' }],
];

describe('comparing values by their JSON text without building it', () => {
  it.each(cases)('%s: as JSON.stringify would say', (_, a, b) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    expect(sameJson(b, a)).toBe(JSON.stringify(b) === JSON.stringify(a));
  });
});
