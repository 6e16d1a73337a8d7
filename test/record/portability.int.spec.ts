import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePosition, type EventStore } from '@duty-ledger/event-store';
import {
  backupSqlite,
  buildProof,
  copyLog,
  countStoredEvents,
  readLogFile,
  recordsOf,
  verifyRecords,
  writeLogFile,
  type RecordProof,
  type SealKeyPair,
} from '@duty-ledger/record-integrity';
import { newKeyPair } from '../../libs/record-integrity/src/testing/sealed-log';
import { appendEvents, openStore, startKeeper, TempDir, waitUntil } from './support';

const TOOL = resolve(__dirname, '../../tools/verify-record.js');

/** Runs the standalone verifier as an auditor would: plain node, only the public key. */
function auditor(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [TOOL, ...args], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A sealed log of 35 events on the embedded store, as the service leaves it. */
async function sealedStore(dir: TempDir, key: SealKeyPair): Promise<string> {
  const file = dir.file('events.sqlite');
  const store = openStore(file);
  const { keeper } = startKeeper(store, key, dir.path);
  await appendEvents(store, 35);
  await waitUntil(() => (keeper.status().lastVerifiedSeal?.sequence ?? 0) >= 3);
  await keeper.stop();
  await store.close();
  return file;
}

async function withStore<T>(file: string, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = openStore(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('the record leaves the store and stays checkable', () => {
  let dir: TempDir;
  let key: SealKeyPair;
  let file: string;
  let publicKeyFile: string;

  beforeEach(async () => {
    dir = new TempDir();
    key = newKeyPair();
    file = await sealedStore(dir, key);
    publicKeyFile = dir.file('public.pem');
    writeFileSync(publicKeyFile, key.publicKey.pem);
  });

  afterEach(() => dir.remove());

  it('export, import into an empty store, export again: the two exports are byte for byte the same', async () => {
    const first = dir.file('first.jsonl');
    const second = dir.file('second.jsonl');
    await withStore(file, (store) => writeLogFile(recordsOf(store), first));
    const copyFile = dir.file('imported.sqlite');
    let instant = new Date();
    const imported = openStore(copyFile, () => instant);
    try {
      const outcome = await copyLog(readLogFile(first), imported, {
        recordedAt: { kind: 'clock', set: (iso) => (instant = new Date(iso)) },
      });
      expect(outcome).toEqual({ copied: 38, alreadyThere: 0 });
      await writeLogFile(recordsOf(imported), second);
      const report = await verifyRecords(recordsOf(imported), [key.publicKey]);
      expect(report).toMatchObject({ ok: true, sealsChecked: 3 });
    } finally {
      await imported.close();
    }
    expect(readFileSync(second)).toEqual(readFileSync(first));
    expect(readFileSync(first, 'utf8')).toContain('长府办〔2024〕7号');
  });

  it('the standalone verifier checks an export with only the public key, and names an altered line', async () => {
    const exported = dir.file('log.jsonl');
    await withStore(file, (store) => writeLogFile(recordsOf(store), exported));
    const good = auditor('--key', publicKeyFile, exported);
    expect(good.status).toBe(0);
    expect(good.output).toMatch(/^OK: 38 events, 3 seals hold/);

    const lines = readFileSync(exported, 'utf8').split('\n');
    lines[9] = lines[9].replace('〔2024〕', '〔2025〕');
    const altered = dir.file('altered.jsonl');
    writeFileSync(altered, lines.join('\n'));
    const bad = auditor('--key', publicKeyFile, altered);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/BROKEN: position 10 \(event #9\) does not match seal #1/);

    const stranger = dir.file('stranger.pem');
    writeFileSync(stranger, newKeyPair().publicKey.pem);
    expect(auditor('--key', stranger, exported).output).toMatch(/not by the key given/);
  });

  it('a proof for one event is checked by the standalone verifier; a doctored one is not', async () => {
    const proof = await withStore(file, (store) => buildProof(store, parsePosition('14')!));
    expect(proof).toMatchObject({ index: 13, event: { position: '14' } });
    const proofFile = dir.file('proof.json');
    writeFileSync(proofFile, JSON.stringify(proof));
    const good = auditor('--key', publicKeyFile, '--proof', proofFile);
    expect(good.status).toBe(0);
    expect(good.output).toMatch(/is event #13 of the log under seal #2/);

    const doctored = proof as RecordProof;
    writeFileSync(
      proofFile,
      JSON.stringify({ ...doctored, event: { ...doctored.event, data: { n: 999 } } }),
    );
    expect(auditor('--key', publicKeyFile, '--proof', proofFile).status).toBe(1);
  });

  it('a proof is refused for an event no seal covers yet and for a position with no event', async () => {
    await withStore(file, async (store) => {
      await appendEvents(store, 1, 100);
      const head = (await store.headPosition())!;
      expect(await buildProof(store, head)).toBe('not-sealed-yet');
      expect(await buildProof(store, parsePosition('999')!)).toBe('not-found');
    });
  });

  it('a backup taken while events are being written is a consistent, sealed log', async () => {
    const store = openStore(file);
    const { keeper } = startKeeper(store, key, dir.path);
    const backupFile = dir.file('backup.sqlite');
    let writing = true;
    const writer = (async () => {
      for (let n = 1000; writing; n += 5) await appendEvents(store, 5, n);
    })();
    try {
      await waitUntil(async () => Number((await store.headPosition())!.commit) > 60);
      await backupSqlite(file, backupFile);
      await waitUntil(async () => Number((await store.headPosition())!.commit) > 100);
    } finally {
      writing = false;
      await writer;
      await keeper.stop();
      await store.close();
    }
    const inBackup = countStoredEvents(backupFile);
    expect(inBackup).toBeGreaterThan(60);
    expect(inBackup).toBeLessThan(countStoredEvents(file));
    const report = await withStore(backupFile, (backup) =>
      verifyRecords(recordsOf(backup), [key.publicKey]),
    );
    expect(report).toMatchObject({ ok: true, eventsChecked: inBackup });
    // The three seals of the log before, and those the keeper recorded while the writer ran.
    expect(report.sealsChecked).toBeGreaterThanOrEqual(3);
  });

  it('reads an export written before, line by line, with its Chinese text intact', async () => {
    const exported = join(dir.path, 'log.jsonl');
    await withStore(file, (store) => writeLogFile(recordsOf(store), exported));
    const records = [];
    for await (const record of readLogFile(exported)) records.push(record);
    expect(records).toHaveLength(38);
    expect(records[7].data).toMatchObject({ 文号: '长府办〔2024〕7号' });
  });
});
