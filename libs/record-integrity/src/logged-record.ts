import { formatPosition, type JsonObject, type RecordedEvent } from '@duty-ledger/event-store';

/**
 * Everything recorded about one event, in a form that does not depend on the store: the line of
 * a log export, and what its hash covers (all but `position`, which each store assigns its own way).
 */
export interface LoggedRecord {
  /** Where the event sits in the store it was read from ("C" or "C/P"); not hashed. */
  readonly position: string;
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** ISO-8601 instant with milliseconds, UTC. */
  readonly recordedAt: string;
}

/**
 * EventStoreDB stamps an event with the time it was written and offers no way to set it, so an
 * event copied there (`migrate`, `import`) keeps its original recording time in this metadata key.
 * Reading back, the key is taken out of the metadata and becomes the record's recordedAt again.
 */
export const ORIGINAL_RECORDED_AT_KEY = '$recordedAt';

/** The store-neutral record of an event read from a store (without upcasting). */
export function recordOf(event: RecordedEvent): LoggedRecord {
  const { [ORIGINAL_RECORDED_AT_KEY]: original, ...metadata } = event.metadata;
  return {
    position: formatPosition(event.position),
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: typeof original === 'string' ? metadata : event.metadata,
    recordedAt: typeof original === 'string' ? original : event.recordedAt.toISOString(),
  };
}
