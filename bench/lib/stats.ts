/** Percentile (nearest rank) of an already sorted array; NaN when it is empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values as ArrayLike<number>).sort();
}

export const median = (values: readonly number[]): number => percentile(sortedCopy(values), 50);

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Collects latencies (ms) without growing an array of boxed numbers. */
export class LatencyRecorder {
  private values: Float64Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.values = new Float64Array(capacity);
  }

  add(ms: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = ms;
  }

  toArray(): Float64Array {
    return this.values.slice(0, this.length);
  }
}
