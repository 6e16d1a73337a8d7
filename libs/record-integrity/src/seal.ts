import { sign, verify } from 'node:crypto';
import type { JsonObject } from '@duty-ledger/event-store';
import { canonicalJson } from './canonical-json';
import type { Hex } from './record-hash';
import type { LoggedRecord } from './logged-record';
import type { SealKeyPair, SealPublicKey } from './seal-key';
import { publicKeyFromRaw } from './seal-key';

/** Seals are events of their own stream, outside the streams the read models follow. */
export const SEAL_STREAM = 'record-seals';
export const SEAL_EVENT_TYPE = 'RecordSealed';
export const SEAL_SCHEMA_VERSION = 1;
export const SEAL_FORMAT = 'duty-ledger-seal/1';

/** What a seal states and signs. */
export interface SealBody {
  readonly format: typeof SEAL_FORMAT;
  /** 1 for the first seal of the log, then one more for each. */
  readonly sequence: number;
  /** Events the previous seal covered (0 for the first): this seal covers events fromCount … count-1. */
  readonly fromCount: number;
  /** Events of the log, in global order, this seal covers. */
  readonly count: number;
  /** The chain head after fromCount events (the previous seal's head). */
  readonly previousHead: Hex;
  /** The chain head after count events. */
  readonly head: Hex;
  /** The first characters of each covered event's leaf hash, in order: they name what changed. */
  readonly digests: readonly string[];
  /** The last covered event, to find it again; its position in the store that sealed it (a hint). */
  readonly lastEventId: string | null;
  readonly lastPosition: string | null;
  readonly sealedAt: string;
  /** The signer's raw Ed25519 public key (base64) and its id. Trust comes from the verifier's copy. */
  readonly publicKey: string;
  readonly keyId: string;
}

export interface Seal extends SealBody {
  /** Ed25519 over the canonical JSON of the body, base64. */
  readonly signature: string;
}

export type UnsignedSeal = Omit<SealBody, 'format' | 'publicKey' | 'keyId'>;

export function signSeal(body: UnsignedSeal, key: SealKeyPair): Seal {
  const full: SealBody = {
    format: SEAL_FORMAT,
    ...body,
    publicKey: key.publicKey.raw,
    keyId: key.publicKey.keyId,
  };
  const signature = sign(null, Buffer.from(canonicalJson(full), 'utf8'), key.privateKey);
  return { ...full, signature: signature.toString('base64') };
}

/** The reason a seal's signature does not hold, or undefined when it does under a trusted key. */
export function signatureProblem(
  seal: Seal,
  trusted: readonly SealPublicKey[] | 'the key the seal carries',
): string | undefined {
  const { signature, ...body } = seal;
  let key: SealPublicKey;
  try {
    key =
      trusted === 'the key the seal carries'
        ? publicKeyFromRaw(seal.publicKey)
        : (trusted.find((k) => k.raw === seal.publicKey) ?? fail(seal));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const ok = verify(
    null,
    Buffer.from(canonicalJson(body), 'utf8'),
    key.key,
    Buffer.from(String(signature), 'base64'),
  );
  return ok ? undefined : `its signature does not verify under key ${key.keyId}`;
}

function fail(seal: Seal): never {
  throw new Error(`it is signed by key ${String(seal.keyId)}, which is not a trusted key`);
}

/** The seal a record holds, or undefined when the record is not a seal. */
export function sealOf(record: Pick<LoggedRecord, 'streamId' | 'type' | 'data'>): Seal | undefined {
  return record.streamId === SEAL_STREAM && record.type === SEAL_EVENT_TYPE
    ? (record.data as unknown as Seal)
    : undefined;
}

export function sealData(seal: Seal): JsonObject {
  return seal as unknown as JsonObject;
}
