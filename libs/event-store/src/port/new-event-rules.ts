import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent } from './events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

/**
 * What every adapter refuses before writing, with the same TypeError, so the stores behave the
 * same on bad input. Returns the event's id, generated when the caller gave none.
 */
export function checkNewEvent(event: NewEvent): string {
  const id = event.id ?? randomUUID();
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new TypeError(`Event id must be a uuid, got '${String(id)}'`);
  }
  if (typeof event.type !== 'string' || event.type === '') {
    throw new TypeError('Event type must be a non-empty string');
  }
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new TypeError(
      `Event schemaVersion must be a positive integer, got ${event.schemaVersion}`,
    );
  }
  if (!isJsonObject(event.data)) throw new TypeError('Event data must be a JSON object');
  if (event.metadata !== undefined && !isJsonObject(event.metadata)) {
    throw new TypeError('Event metadata must be a JSON object');
  }
  return id;
}
