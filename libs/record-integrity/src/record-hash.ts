import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { LoggedRecord } from './logged-record';

/** Hex SHA-256 digests throughout: seals, proofs and exports are JSON, read by people too. */
export type Hex = string;

/** The chain head before the first event. */
export const EMPTY_HEAD: Hex = '0'.repeat(64);

/** Hex characters of a leaf hash a seal lists per event, to name the event that changed. */
export const DIGEST_LENGTH = 16;

/** The exact bytes hashed for an event: canonical JSON of every recorded field but the position. */
export function canonicalRecord(record: LoggedRecord): string {
  return canonicalJson({
    id: record.id,
    streamId: record.streamId,
    revision: record.revision,
    type: record.type,
    schemaVersion: record.schemaVersion,
    data: record.data,
    metadata: record.metadata,
    recordedAt: record.recordedAt,
  });
}

/** SHA-256(0x00 ‖ canonical record), the leaf prefix of RFC 9162 so a leaf is never taken for a link. */
export function leafHash(record: LoggedRecord): Hex {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(canonicalRecord(record), 'utf8')
    .digest('hex');
}

/** SHA-256(0x01 ‖ previous head ‖ leaf): the chain head after one more event. */
export function nextHead(head: Hex, leaf: Hex): Hex {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(Buffer.from(head, 'hex'))
    .update(Buffer.from(leaf, 'hex'))
    .digest('hex');
}

/** The short form of a leaf hash a seal lists for each event it covers. */
export function digestOf(leaf: Hex): string {
  return leaf.slice(0, DIGEST_LENGTH);
}
