import { END, START, comparePositions } from '../port/position';
import { fromClientPosition, toClientPosition, toClientReadPosition } from './positions';

describe('position mapping', () => {
  it('keeps commit and prepare apart, both ways', () => {
    const client = { commit: 4096n, prepare: 4000n };
    const ours = fromClientPosition(client);
    expect(ours).toEqual({ commit: 4096n, prepare: 4000n });
    expect(toClientPosition(ours)).toEqual(client);
  });

  it('keeps values beyond 2^53 exact', () => {
    const big = { commit: 18446744073709551615n, prepare: 9007199254740993n };
    expect(toClientPosition(fromClientPosition(big))).toEqual(big);
  });

  it('preserves the (commit, prepare) order', () => {
    const a = fromClientPosition({ commit: 100n, prepare: 90n });
    const b = fromClientPosition({ commit: 100n, prepare: 95n });
    expect(comparePositions(a, b)).toBeLessThan(0);
  });

  it('maps the ends of the log to the client constants', () => {
    expect(toClientReadPosition(START)).toBe('start');
    expect(toClientReadPosition(END)).toBe('end');
    expect(toClientReadPosition({ commit: 7n, prepare: 7n })).toEqual({ commit: 7n, prepare: 7n });
  });
});
