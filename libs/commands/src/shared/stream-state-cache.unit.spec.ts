import { StreamStateCache } from './stream-state-cache';

describe('StreamStateCache', () => {
  it('evicts the least recently used stream beyond its size', () => {
    const cache = new StreamStateCache<string>(2);
    cache.remember('a', { state: 'A', revision: 0 });
    cache.remember('b', { state: 'B', revision: 0 });
    cache.get('a');

    cache.remember('c', { state: 'C', revision: 0 });

    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ state: 'A', revision: 0 });
    expect(cache.get('c')).toEqual({ state: 'C', revision: 0 });
  });

  it('keeps the later of two snapshots of a stream, whatever order they arrive in', () => {
    const cache = new StreamStateCache<string>();
    cache.remember('a', { state: 'at 5', revision: 5 });

    cache.remember('a', { state: 'at 3', revision: 3 });
    expect(cache.get('a')).toEqual({ state: 'at 5', revision: 5 });

    cache.remember('a', { state: 'at 6', revision: 6 });
    expect(cache.get('a')).toEqual({ state: 'at 6', revision: 6 });
  });

  it('forgets a stream on request', () => {
    const cache = new StreamStateCache<string>();
    cache.remember('a', { state: 'A', revision: 0 });

    cache.forget('a');

    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new StreamStateCache(0)).toThrow(RangeError);
  });
});
