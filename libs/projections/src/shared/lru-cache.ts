/**
 * A map that forgets its least recently used entries beyond `capacity`. The read side keeps
 * derived state (task views, stream instants, latest reports) in memory between batches with it,
 * so a long-running API stays within a fixed memory budget however large the log grows.
 */
export class LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest entry first.
  private readonly entries = new Map<K, V>();

  constructor(private capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new RangeError(`LRU capacity must be a whole number >= 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get limit(): number {
    return this.capacity;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.trim();
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Changes the capacity, forgetting the oldest entries when it shrinks. */
  resize(capacity: number): void {
    this.capacity = capacity;
    this.trim();
  }

  private trim(): void {
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) return;
      this.entries.delete(oldest.value);
    }
  }
}
