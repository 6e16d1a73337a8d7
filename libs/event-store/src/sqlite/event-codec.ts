import { checkNewEvent } from '../port/new-event-rules';
import type { JsonObject, NewEvent, RecordedEvent } from '../port/events';
import type { UpcasterRegistry } from '../port/upcasting';
import { toPosition } from './positions';

/** A NewEvent checked and serialized for the events table. */
export interface EncodedEvent {
  /** Lower-case canonical uuid, as EventStoreDB returns it. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  /** EventStoreDB's `Event.SizeOnDisk`: data + metadata bytes + 2 × type length. */
  readonly size: number;
}

/** A row of the events table as better-sqlite3 returns it. */
export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at';

/** Validates and serializes one event; throws TypeError for input no store would accept. */
export function encodeEvent(event: NewEvent): EncodedEvent {
  const id = checkNewEvent(event);
  const data = JSON.stringify(event.data);
  const metadata = event.metadata === undefined ? undefined : JSON.stringify(event.metadata);
  const size =
    Buffer.byteLength(data, 'utf8') +
    (metadata === undefined ? 0 : Buffer.byteLength(metadata, 'utf8')) +
    2 * event.type.length;
  return {
    eventId: id.toLowerCase(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data,
    metadata: metadata ?? '{}',
    size,
  };
}

/** Turns a stored row into a RecordedEvent, upcast to the current schema when a registry is given. */
export function decodeRow(row: EventRow, upcasters: UpcasterRegistry | undefined): RecordedEvent {
  const stored = JSON.parse(row.data) as JsonObject;
  const { schemaVersion, data } = upcasters
    ? upcasters.upcast(row.type, row.schema_version, stored)
    : { schemaVersion: row.schema_version, data: stored };
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion,
    data,
    metadata: JSON.parse(row.metadata) as JsonObject,
    streamId: row.stream_id,
    revision: row.revision,
    position: toPosition(row.position),
    recordedAt: new Date(row.recorded_at),
  };
}
