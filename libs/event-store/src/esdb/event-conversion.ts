import { checkNewEvent, isJsonObject } from '../port/new-event-rules';
import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreError } from '../port/errors';
import type { JsonObject, NewEvent, RecordedEvent } from '../port/events';
import type { UpcasterRegistry } from '../port/upcasting';
import { fromClientPosition } from './positions';
import { toRevisionNumber } from './revisions';

/**
 * The metadata key that carries our schema version. EventStoreDB keeps only an event's type, its
 * JSON flag, its data and its custom metadata bytes (any other gRPC metadata key is dropped), so
 * the version has to live inside the custom metadata JSON. The `$` prefix keeps it apart from
 * application keys; it is added on write and removed on read, so callers never see it.
 */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

export function toEventData(event: NewEvent): EventData {
  const id = checkNewEvent(event);
  if (event.metadata && SCHEMA_VERSION_KEY in event.metadata) {
    throw new TypeError(`Event metadata must not use the reserved key '${SCHEMA_VERSION_KEY}'`);
  }
  return jsonEvent({
    id,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion },
  });
}

type ClientRecordedEvent = NonNullable<ResolvedEvent['event'] | AllStreamResolvedEvent['event']>;

/** Turns an event read through the client into the port's form, upcast to its current schema. */
export function fromClientEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  upcasters?: UpcasterRegistry,
): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new EventStoreError('EventStoreDB returned a link to a missing event');
  const { schemaVersion, metadata } = splitMetadata(event.metadata);
  const data = jsonObjectOf(event.data, event);
  const upcast = upcasters
    ? upcasters.upcast(event.type, schemaVersion, data)
    : { schemaVersion, data };
  const position = event.position;
  if (!position) {
    throw new EventStoreError(
      `EventStoreDB did not report the position of event ${event.id}; servers older than 22.6 are not supported`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    schemaVersion: upcast.schemaVersion,
    data: upcast.data,
    metadata,
    streamId: event.streamId,
    revision: toRevisionNumber(event.revision),
    position: fromClientPosition(position),
    recordedAt: event.created,
  };
}

function splitMetadata(raw: unknown): { schemaVersion: number; metadata: JsonObject } {
  if (!isJsonObject(raw)) return { schemaVersion: 1, metadata: {} };
  const { [SCHEMA_VERSION_KEY]: version, ...metadata } = raw;
  // Events written by other tools carry no version: they are version 1, the first of their type.
  const schemaVersion =
    typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : 1;
  return { schemaVersion, metadata };
}

function jsonObjectOf(data: unknown, event: ClientRecordedEvent): JsonObject {
  const parsed = data instanceof Uint8Array ? parseJson(data) : data;
  if (!isJsonObject(parsed)) {
    throw new EventStoreError(
      `Event ${event.id} (${event.type}) in stream '${event.streamId}' does not hold a JSON object`,
    );
  }
  return parsed;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether an event read from $all holds a JSON object, as every event written through the port
 * does. Another producer's binary, array or broken "JSON" events do not, and are not ours to read.
 */
export function holdsJsonObject(event: { readonly data: unknown }): boolean {
  const data = event.data instanceof Uint8Array ? parseJson(event.data) : event.data;
  return isJsonObject(data);
}
