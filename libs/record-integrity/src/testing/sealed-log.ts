import { generateKeyPairSync } from 'node:crypto';
import { ChainCheck } from '../chain-check';
import type { LoggedRecord } from '../logged-record';
import { SEAL_EVENT_TYPE, SEAL_STREAM, sealData, signSeal } from '../seal';
import { describePublicKey, type SealKeyPair } from '../seal-key';

export function newKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: describePublicKey(publicKey) };
}

/** The n-th event of a made-up log (0-based), at position n+1 as in the embedded store. */
export function eventRecord(n: number): LoggedRecord {
  return {
    position: String(n + 1),
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    streamId: `task-${n % 3}`,
    revision: Math.floor(n / 3),
    type: 'ProgressReported',
    schemaVersion: 1,
    data: { n, 文号: `长府办〔2024〕${n}号`, value: n * 1.5 },
    metadata: { userId: 'zhang.wei' },
    recordedAt: new Date(Date.UTC(2024, 5, 1, 0, 0, n)).toISOString(),
  };
}

/**
 * A log of `events` events with a seal recorded after every `every` of them, as the service
 * records them: positions run on, seals are events of their own stream.
 */
export function sealedLog(events: number, every: number, key: SealKeyPair): LoggedRecord[] {
  const log: LoggedRecord[] = [];
  const check = new ChainCheck([key.publicKey]);
  const add = (record: LoggedRecord) => {
    const placed = { ...record, position: String(log.length + 1) };
    log.push(placed);
    const failure = check.add(placed);
    if (failure) throw new Error(failure.reason);
  };
  let sealRevision = 0;
  for (let n = 0; n < events; n++) {
    add(eventRecord(n));
    if ((n + 1) % every !== 0) continue;
    const seal = signSeal(check.draftSeal(new Date(Date.UTC(2024, 5, 2)).toISOString())!, key);
    add({
      position: '',
      id: `00000000-0000-4000-9000-${String(seal.sequence).padStart(12, '0')}`,
      streamId: SEAL_STREAM,
      revision: sealRevision++,
      type: SEAL_EVENT_TYPE,
      schemaVersion: 1,
      data: sealData(seal),
      metadata: {},
      recordedAt: new Date(Date.UTC(2024, 5, 2)).toISOString(),
    });
  }
  return log;
}
