import {
  comparePositions,
  parsePosition,
  START,
  type EventStore,
  type Position,
} from '@duty-ledger/event-store';
import { START_OF_LOG, pointAfter, type ChainPoint, type SealHeld } from './chain-check';
import { recordOf, type LoggedRecord } from './logged-record';

/** The whole log of a store, or its part after `after`, as store-neutral records in global order. */
export async function* recordsOf(
  store: EventStore,
  after?: Position,
): AsyncGenerator<LoggedRecord> {
  for await (const event of store.readAll({ fromPosition: after ?? START })) {
    // A position taken from an event is inclusive in reads: skip that event itself.
    if (after && comparePositions(event.position, after) <= 0) continue;
    yield recordOf(event);
  }
}

/** Where to resume checking a store: just after a seal's coverage, when that is still where it was. */
export interface ResumePoint {
  readonly point: ChainPoint;
  /** Read events strictly after this position; undefined: from the start. */
  readonly after?: Position;
}

/**
 * Resumes after a seal verified earlier when the event it ends with is still at the position it
 * was read from; otherwise (another store, or that event is gone) from the start of the log.
 */
export async function resumePoint(
  store: EventStore,
  seal: SealHeld | undefined,
): Promise<ResumePoint> {
  const position = seal?.lastPosition ? parsePosition(seal.lastPosition) : undefined;
  if (!seal || !position) return { point: START_OF_LOG };
  for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) {
    if (comparePositions(event.position, position) === 0 && event.id === seal.lastEventId) {
      return { point: pointAfter(seal), after: position };
    }
  }
  return { point: START_OF_LOG };
}
