import type { ActualRevision, ExpectedRevision } from '../port/expected-revision';

/** Where an already-stored event sits. */
export interface StoredEventRef {
  readonly streamId: string;
  readonly revision: number;
  readonly position: bigint;
}

/** What the commit check may look at; answered inside the append's write transaction. */
export interface CommitCheckLookups {
  /** The stream's last revision, -1 when it has no events. */
  readonly currentRevision: number;
  /**
   * The most recently written event with this id, in any stream. EventStoreDB's weak check uses a
   * cache keyed by event id whose entry is overwritten by the latest write; here the lookup is a
   * durable query, so it survives restarts and is never evicted.
   */
  latestWithId(eventId: string): StoredEventRef | undefined;
  /** The id and position of the event at `revision` in the stream being appended to. */
  eventAt(revision: number): { readonly eventId: string; readonly position: bigint } | undefined;
}

export type CommitDecision =
  /** Write the events after `currentRevision`. */
  | { readonly kind: 'write'; readonly currentRevision: number }
  /** Already written: succeed without writing, reporting the last already-written event. */
  | { readonly kind: 'idempotent'; readonly revision: number; readonly position: bigint }
  | { readonly kind: 'conflict'; readonly actual: ActualRevision };

/**
 * The decision EventStoreDB's `IndexWriter.CheckCommit` makes for an append (tombstones and soft
 * deletes left out: Duty Ledger never deletes streams).
 *
 * - 'any' and 'stream_exists' use the weak check on event ids: first id unknown for this stream →
 *   write; every id known for this stream → idempotent; only some known → conflict.
 * - An exact revision or 'no_stream' (-1) behind the stream uses the strong check: the ids must be
 *   the ones stored at expected+1, expected+2, … → idempotent; otherwise conflict.
 * - Otherwise an expected revision ahead of the stream conflicts and an equal one writes.
 */
export function checkCommit(
  streamId: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
  lookups: CommitCheckLookups,
): CommitDecision {
  const current = lookups.currentRevision;
  const actual: ActualRevision = current < 0 ? 'no_stream' : current;
  const conflict: CommitDecision = { kind: 'conflict', actual };

  if (expected === 'stream_exists' && current < 0) return conflict;

  if (expected === 'any' || expected === 'stream_exists') {
    let last: StoredEventRef | undefined;
    for (let i = 0; i < eventIds.length; i++) {
      // An id belongs to the stream it was last written to, as in EventStoreDB's cache.
      const hit = lookups.latestWithId(eventIds[i]);
      if (!hit || hit.streamId !== streamId) {
        return i === 0 ? { kind: 'write', currentRevision: current } : conflict;
      }
      last = hit;
    }
    return last
      ? { kind: 'idempotent', revision: last.revision, position: last.position }
      : { kind: 'write', currentRevision: current };
  }

  const expectedRevision = expected === 'no_stream' ? -1 : expected;
  if (expectedRevision < current) {
    let revision = expectedRevision;
    let position = 0n;
    for (const eventId of eventIds) {
      revision += 1;
      const stored = lookups.eventAt(revision);
      if (!stored || stored.eventId !== eventId) return conflict;
      position = stored.position;
    }
    if (eventIds.length === 0) return conflict;
    return { kind: 'idempotent', revision, position };
  }
  return expectedRevision > current ? conflict : { kind: 'write', currentRevision: current };
}
