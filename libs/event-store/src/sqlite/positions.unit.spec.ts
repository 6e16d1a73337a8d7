import { backwardsExclusiveEnd, firstIncluded, lastSeenAt, toPosition } from './positions';

describe('sqlite position bounds, comparing (commit, prepare) pairs as EventStoreDB does', () => {
  it('given an event position, forwards reads include it, backwards reads and subscriptions exclude it', () => {
    const p = toPosition(7);
    expect(firstIncluded(p)).toBe(7n);
    expect(backwardsExclusiveEnd(p)).toBe(7n);
    expect(lastSeenAt(p)).toBe(7n);
  });

  it('given a position with prepare below commit, it sits just after (commit, commit - ε)', () => {
    const p = { commit: 7n, prepare: 0n };
    expect(firstIncluded(p)).toBe(7n);
    expect(backwardsExclusiveEnd(p)).toBe(7n);
    expect(lastSeenAt(p)).toBe(6n);
  });

  it('given a position with prepare above commit, the event at commit is before it', () => {
    const p = { commit: 7n, prepare: 9n };
    expect(firstIncluded(p)).toBe(8n);
    expect(backwardsExclusiveEnd(p)).toBe(8n);
    expect(lastSeenAt(p)).toBe(7n);
  });

  it('given a position beyond SQLite integers, bounds are clamped', () => {
    const huge = { commit: 18446744073709551615n, prepare: 18446744073709551615n };
    expect(firstIncluded(huge)).toBe((1n << 63n) - 1n);
  });
});
