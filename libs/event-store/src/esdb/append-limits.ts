import type { EventData } from '@eventstore/db-client';
import { AppendTooLargeError } from '../port/errors';

export interface AppendLimits {
  /** Most bytes one append may hold, counted as the server does. */
  readonly maxAppendSize: number;
  /** Most bytes one event may hold; undefined where only the append is limited. */
  readonly maxEventSize?: number;
}

const MiB = 1024 * 1024;

/**
 * The server's limits by version (its default configuration). Up to 25.0 one append holds at most
 * 1 MiB (MaxAppendSize). From 25.1 an append may hold 256 MiB and one event 16 MiB; a bigger event
 * fails with an error client 6.2.1 does not know. A version the adapter cannot read is held to the
 * oldest, strictest limits.
 */
export function appendLimitsOf(serverVersion: string | undefined): AppendLimits {
  const [major, minor] = (serverVersion ?? '').split('.').map((part) => Number.parseInt(part, 10));
  const from25dot1 = major > 25 || (major === 25 && minor >= 1);
  return from25dot1
    ? { maxAppendSize: 256 * MiB, maxEventSize: 16 * MiB }
    : { maxAppendSize: 1 * MiB };
}

/**
 * Refuses an append over the limits before it is sent: on the shared BatchAppend stream an
 * oversized message would end the stream, and with it every append in flight.
 */
export function checkAppendSize(
  streamId: string,
  events: readonly EventData[],
  limits: AppendLimits,
): void {
  let total = 0;
  for (const event of events) {
    const size = sizeOnDisk(event);
    if (limits.maxEventSize !== undefined && size > limits.maxEventSize) {
      throw new AppendTooLargeError(streamId, limits.maxEventSize, 'event');
    }
    total += size;
  }
  if (total > limits.maxAppendSize) {
    throw new AppendTooLargeError(streamId, limits.maxAppendSize);
  }
}

/** An event's size as the server counts it (Event.SizeOnDisk): data, metadata, type twice. */
function sizeOnDisk(event: EventData): number {
  return bytesOf(event.data) + bytesOf(event.metadata) + 2 * event.type.length;
}

function bytesOf(value: unknown): number {
  if (value === undefined) return 0;
  if (value instanceof Uint8Array) return value.byteLength;
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
