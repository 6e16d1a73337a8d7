import type { EventData } from '@eventstore/db-client';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { Position } from '../port/position';

export interface StoredAt {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly created: Date;
}

/**
 * For unit tests: the gRPC read message EventStoreDB sends for an event the client proposed. Like
 * the server, it keeps the type, whether the event is JSON, the data and the custom metadata bytes,
 * and nothing else of what was proposed.
 */
export function readEventAsServerSends(event: EventData, at: StoredAt): ReadResp.ReadEvent {
  const isJson = event.contentType === 'application/json';
  const record = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(at.streamId, 'utf8')))
    .setStreamRevision(String(at.revision))
    .setCommitPosition(at.position.commit.toString())
    .setPreparePosition(at.position.prepare.toString())
    .setData(isJson ? Buffer.from(JSON.stringify(event.data), 'utf8') : (event.data as Uint8Array))
    .setCustomMetadata(metadataBytes(event.metadata));
  record
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', isJson ? 'application/json' : 'application/octet-stream')
    .set('created', (BigInt(at.created.getTime()) * 10_000n).toString());
  return new ReadResp.ReadEvent().setEvent(record).setCommitPosition(at.position.commit.toString());
}

export function eventMessage(event: EventData, at: StoredAt): ReadResp {
  return new ReadResp().setEvent(readEventAsServerSends(event, at));
}

export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function confirmationMessage(): ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId('test'),
  );
}

function metadataBytes(metadata: unknown): Uint8Array {
  if (metadata === undefined) return new Uint8Array();
  if (metadata instanceof Uint8Array) return metadata;
  return Buffer.from(JSON.stringify(metadata), 'utf8');
}
