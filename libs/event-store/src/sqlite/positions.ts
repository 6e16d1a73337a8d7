import type { Position } from '../port/position';

/**
 * The embedded store's positions are its global sequence numbers: commit = prepare = position.
 * These helpers turn a port Position, compared as a (commit, prepare) pair exactly as EventStoreDB
 * compares TFPos values, into bounds on that sequence.
 */

const MAX_SEQUENCE = (1n << 63n) - 1n;

/** SQLite integers are signed 64-bit: keep bounds inside that range. */
function clamp(sequence: bigint): bigint {
  if (sequence < -1n) return -1n;
  return sequence > MAX_SEQUENCE ? MAX_SEQUENCE : sequence;
}

export function toPosition(sequence: number | bigint): Position {
  const value = BigInt(sequence);
  return { commit: value, prepare: value };
}

/** Forward reads include events at or after `from`: the smallest sequence s with (s, s) >= from. */
export function firstIncluded(from: Position): bigint {
  return clamp(from.commit >= from.prepare ? from.commit : from.commit + 1n);
}

/**
 * Backward reads include events that end at or before `from`, so reading backwards from an
 * event's own position starts with the event before it: sequences s with (s, s) < from.
 * Returns the exclusive upper bound.
 */
export function backwardsExclusiveEnd(from: Position): bigint {
  return clamp(from.commit < from.prepare ? from.commit + 1n : from.commit);
}

/** Subscriptions start after `from` (exclusive): the last sequence already seen, s with (s, s) <= from. */
export function lastSeenAt(from: Position): bigint {
  return clamp(from.commit > from.prepare ? from.commit - 1n : from.commit);
}
