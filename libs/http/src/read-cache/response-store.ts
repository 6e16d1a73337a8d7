import type { CachedResponse } from './cached-response';

/**
 * Responses by key, least recently used first out, bounded by the bytes they hold (bodies and
 * keys), not by their count: one unit's listing can weigh 300 KB and a summary 6 KB.
 */
export class ResponseStore {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  /** @param maxBytes the most the bodies and keys may hold together. */
  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps the response unless it alone would take more than a quarter of the budget. */
  set(key: string, response: CachedResponse): void {
    const weight = weightOf(key, response);
    if (weight > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, response);
    this.bytes += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= weightOf(oldest, entry);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= weightOf(key, entry);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

const weightOf = (key: string, response: CachedResponse): number =>
  response.body.length + key.length * 2 + response.etag.length * 2 + 64;
