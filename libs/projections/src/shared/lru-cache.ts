/**
 * A map that forgets entries not used lately: it keeps at least the `capacity` most recently used
 * ones and never more than twice as many. The read side keeps derived state (task views, stream
 * instants, latest reports) in memory between batches with it, so a long-running API stays within
 * a fixed memory budget however large the log grows.
 *
 * Two generations instead of an exact LRU list: entries go into the young map, which becomes the
 * old one when full (the old one is dropped whole); a hit in the old map moves the entry back into
 * the young one. Every operation is O(1). (An exact LRU on one Map evicts by deleting its first key,
 * and V8 skips the deleted slots at the front of the map on every such lookup: with a cache smaller
 * than its working set that cost 12 µs per operation.)
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new RangeError(`LRU capacity must be a whole number >= 0, got ${capacity}`);
  }

  /** Entries held (old ones that were used again are counted once). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged === undefined) return undefined;
    this.old.delete(key);
    this.store(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    this.old.delete(key);
    this.store(key, value);
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  /** Changes the capacity; shrinking forgets the entries not used since the last generation. */
  resize(capacity: number): void {
    if (capacity < this.capacity) this.old = new Map();
    this.capacity = capacity;
    if (capacity === 0) this.clear();
    else if (this.young.size >= capacity) this.age();
  }

  private store(key: K, value: V): void {
    if (this.capacity === 0) return;
    this.young.set(key, value);
    if (this.young.size >= this.capacity) this.age();
  }

  private age(): void {
    this.old = this.young;
    this.young = new Map();
  }
}
