import { LruCache } from './lru-cache';

describe('the LRU cache of the read side', () => {
  it('keeps at least the most recently used entries up to its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
  });

  it('never holds more than twice its capacity', () => {
    const cache = new LruCache<number, number>(100);
    for (let i = 0; i < 10_000; i += 1) {
      cache.set(i, i);
      cache.get(i % 7);
    }
    expect(cache.size).toBeLessThanOrEqual(200);
    expect(cache.get(9_999)).toBe(9_999);
    expect(cache.get(0)).toBe(0); // used all along
    expect(cache.get(5_000)).toBeUndefined();
  });

  it('forgets when it shrinks, holds nothing at capacity 0, and drops what is deleted', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 2]);
    cache.resize(1);
    cache.set('c', 3);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBeLessThanOrEqual(2);
    cache.resize(0);
    cache.set('d', 4);
    expect(cache.get('d')).toBeUndefined();
    expect(() => new LruCache(-1)).toThrow(RangeError);
  });
});
