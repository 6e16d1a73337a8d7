import { isIsoDate, shanghaiDateOf } from './dates';

describe('dates', () => {
  it.each(['2024-02-29', '2024-12-31'])('accepts the calendar date %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-6-30', '2024-06-30T00:00:00Z', ''])(
    'rejects %j',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );

  it('reads the day of an instant in Asia/Shanghai (UTC+8)', () => {
    expect(shanghaiDateOf('2024-06-15T15:59:59Z')).toBe('2024-06-15');
    expect(shanghaiDateOf('2024-06-15T16:00:00Z')).toBe('2024-06-16');
    expect(shanghaiDateOf('2024-06-16T00:30:00+08:00')).toBe('2024-06-16');
  });

  it('refuses a "now" that is not an instant', () => {
    expect(() => shanghaiDateOf('yesterday')).toThrow(
      expect.objectContaining({ code: 'rule-violation' }),
    );
  });
});
