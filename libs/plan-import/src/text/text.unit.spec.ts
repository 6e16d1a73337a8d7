import { depths, enclosure, splitTopLevel, trailingBracket } from './brackets';
import { scaleDecimal, toAsciiDigits } from './numbers';

describe('trailingBracket', () => {
  it('matches the closing bracket group from the end, keeping nested brackets inside', () => {
    const text = '推进工作。(牵头部门:区国资委（区金融办）;配合部门:区政府办公室(区外办))';
    expect(trailingBracket(text)).toEqual({
      start: 5,
      inner: '牵头部门:区国资委（区金融办）;配合部门:区政府办公室(区外办)',
    });
  });

  it('treats half- and full-width round brackets alike', () => {
    expect(trailingBracket('甲（乙(丙)）')?.inner).toBe('乙(丙)');
  });

  it('returns undefined when the text does not end with a bracket or it is unbalanced', () => {
    expect(trailingBracket('没有括号。')).toBeUndefined();
    expect(trailingBracket('丙)')).toBeUndefined();
    expect(trailingBracket('')).toBeUndefined();
  });
});

describe('splitTopLevel', () => {
  it('splits only on separators outside brackets and quotes', () => {
    const parts = splitTopLevel('A、B(C、D)、“E、F”、"G、H"', '、').map((p) => p.text);
    expect(parts).toEqual(['A', 'B(C、D)', '“E、F”', '"G、H"']);
  });

  it('keeps offsets and honours the keep predicate', () => {
    const parts = splitTopLevel('1,900家,2个', ',', (t, i) => /\d{3}/.test(t.slice(i + 1, i + 4)));
    expect(parts).toEqual([
      { text: '1,900家', start: 0 },
      { text: '2个', start: 7 },
    ]);
  });
});

describe('depths and enclosure', () => {
  it('tracks nesting depth', () => {
    expect(depths('a(b)c')).toEqual([0, 0, 1, 0, 0]);
  });

  it('names the enclosing span', () => {
    const text = '《规划2024》“12件事”(3个)4';
    expect(enclosure(text, text.indexOf('2024'))).toBe('title');
    expect(enclosure(text, text.indexOf('12'))).toBe('quote');
    expect(enclosure(text, text.indexOf('3'))).toBe('bracket');
    expect(enclosure(text, text.length - 1)).toBeUndefined();
  });
});

describe('numbers', () => {
  it('maps full-width digits one for one', () => {
    expect(toAsciiDigits('达到８０．５％')).toBe('达到80.5％');
  });

  it('scales decimals exactly', () => {
    expect(scaleDecimal('132', 4)).toBe(1_320_000);
    expect(scaleDecimal('1.2', 4)).toBe(12_000);
    expect(scaleDecimal('1.23456', 4)).toBe(12_345.6);
    expect(scaleDecimal('3', 8)).toBe(300_000_000);
    expect(scaleDecimal('1,900', 0)).toBe(1900);
    expect(scaleDecimal('0.5', 0)).toBe(0.5);
    expect(() => scaleDecimal('x', 0)).toThrow();
  });
});
