import {
  comparePositions,
  formatPosition,
  parsePosition,
  StreamNotFoundError,
  type EventStore,
  type Position,
} from '@duty-ledger/event-store';
import { recordOf, type LoggedRecord } from './logged-record';
import { recordsOf } from './log-source';
import { leafHash, type Hex } from './record-hash';
import { sealOf, SEAL_STREAM, type Seal } from './seal';

export const PROOF_FORMAT = 'duty-ledger-proof/1';

/**
 * What an outsider needs to check that one event is in the log under a seal: the event, every
 * leaf hash the seal covers (its chain segment, from the previous seal's head to its own), and
 * the seal. Fold the leaves from seal.previousHead to get seal.head; the event's own leaf is at
 * `index - seal.fromCount`; check the signature with the installation's public key.
 */
export interface RecordProof {
  readonly format: typeof PROOF_FORMAT;
  readonly event: LoggedRecord;
  /** The event's 0-based place in the log's global order. */
  readonly index: number;
  readonly seal: Seal;
  readonly sealPosition: string;
  readonly leaves: readonly Hex[];
}

export type ProofAnswer = RecordProof | 'not-found' | 'not-sealed-yet';

/** The proof for the event at `position`, from the seal that first covers it. */
export async function buildProof(store: EventStore, position: Position): Promise<ProofAnswer> {
  const target = await eventAt(store, position);
  if (!target) return 'not-found';
  const start = await lastSealBefore(store, position);
  let base = start?.count ?? 0;
  let index = base;
  let targetIndex: number | undefined;
  let leaves: Hex[] = [];
  for await (const record of recordsOf(store, start?.after)) {
    leaves.push(leafHash(record));
    if (record.position === target.position) targetIndex = index;
    index += 1;
    const seal = sealOf(record);
    if (!seal || typeof seal.count !== 'number') continue;
    if (targetIndex !== undefined && seal.fromCount <= targetIndex && targetIndex < seal.count) {
      return {
        format: PROOF_FORMAT,
        event: target,
        index: targetIndex,
        seal,
        sealPosition: record.position,
        leaves: leaves.slice(seal.fromCount - base, seal.count - base),
      };
    }
    if (seal.count > base) {
      leaves = leaves.slice(seal.count - base);
      base = seal.count;
    }
  }
  return 'not-sealed-yet';
}

async function eventAt(store: EventStore, position: Position): Promise<LoggedRecord | undefined> {
  for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) {
    return comparePositions(event.position, position) === 0 ? recordOf(event) : undefined;
  }
  return undefined;
}

/**
 * The newest seal ending before `position` whose last event is still where it says, so the scan
 * can start there rather than at the start of the log. Seals written in another store (before a
 * migration) name positions of that store: then the scan starts at the beginning.
 */
async function lastSealBefore(
  store: EventStore,
  position: Position,
): Promise<{ count: number; after: Position } | undefined> {
  const seals: Seal[] = [];
  try {
    for await (const event of store.readStream(SEAL_STREAM)) {
      const seal = sealOf(recordOf(event));
      if (seal) seals.push(seal);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  for (let i = seals.length - 1; i >= 0; i--) {
    const hint = seals[i].lastPosition ? parsePosition(seals[i].lastPosition!) : undefined;
    if (!hint || comparePositions(hint, position) >= 0) continue;
    const last = await eventAt(store, hint);
    return last && last.id === seals[i].lastEventId && formatPosition(hint) === last.position
      ? { count: seals[i].count, after: hint }
      : undefined;
  }
  return undefined;
}
