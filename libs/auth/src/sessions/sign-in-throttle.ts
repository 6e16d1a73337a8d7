/**
 * Failed sign-ins per key (a user name, an address) within a sliding window: at `limit` failures
 * the key is refused until the oldest of them leaves the window. Kept in the memory of each
 * replica: behind a load balancer an attacker gets `limit` tries per replica and minute, which
 * still defeats guessing against scrypt-hashed passwords of ten characters or more.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until every key may try again; 0 when none is blocked. */
  retryAfterMs(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, nowMs);
      if (recent.length >= this.limit) wait = Math.max(wait, recent[0] + this.windowMs - nowMs);
    }
    return wait;
  }

  recordFailure(keys: readonly string[], nowMs: number): void {
    if (this.failures.size >= this.maxKeys) this.prune(nowMs);
    for (const key of keys) this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }

  /** A successful sign-in clears the user's count, not the address's. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, nowMs).length === 0) this.failures.delete(key);
    }
    // Still full of live keys (a flood of names): forget the oldest half rather than grow.
    if (this.failures.size >= this.maxKeys)
      for (const key of [...this.failures.keys()].slice(0, this.maxKeys / 2))
        this.failures.delete(key);
  }
}
