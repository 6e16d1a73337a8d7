import {
  recordsOf,
  verifyRecords,
  type ChainReport,
  type SealKeyPair,
} from '@duty-ledger/record-integrity';
import { newKeyPair } from '../../libs/record-integrity/src/testing/sealed-log';
import { appendEvents, openStore, startKeeper, tamper, TempDir, waitUntil } from './support';

/*
 * The record on the embedded store: the service's keeper seals it every 10 events; then the
 * SQLite file is changed by hand, as anyone holding it could, and the check names the place.
 */
describe('tampering with the embedded store is found', () => {
  let dir: TempDir;
  let key: SealKeyPair;
  let file: string;

  beforeEach(async () => {
    dir = new TempDir();
    key = newKeyPair();
    file = dir.file('events.sqlite');
    const store = openStore(file);
    const { keeper, errors } = startKeeper(store, key, dir.path);
    await appendEvents(store, 35);
    // 35 events sealed every 10: three seals, the third covering the first two seals too.
    await waitUntil(() => (keeper.status().lastVerifiedSeal?.sequence ?? 0) >= 3);
    await keeper.stop();
    await store.close();
    expect(errors).toEqual([]);
  });

  afterEach(() => dir.remove());

  async function verify(): Promise<ChainReport> {
    const store = openStore(file);
    try {
      return await verifyRecords(recordsOf(store), [key.publicKey]);
    } finally {
      await store.close();
    }
  }

  it('given the log as the service sealed it, verify passes', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, eventsChecked: 38, sealsChecked: 3 });
  });

  it('given one byte of one event changed with an SQL UPDATE, verify names its position', async () => {
    tamper(
      file,
      `UPDATE events SET data = replace(data, '〔2024〕7号', '〔2024〕8号') WHERE position = 8`,
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ position: '8', index: 7 });
    expect(report.failure!.reason).toMatch(/altered/);
  });

  it('given an event row deleted, verify names where the next one now stands', async () => {
    tamper(file, 'DELETE FROM events WHERE position = 5');
    const report = await verify();
    expect(report.failure).toMatchObject({ position: '6', index: 4 });
    expect(report.failure!.reason).toMatch(/removed/);
  });

  it('given an event inserted between two others, verify names the inserted position', async () => {
    tamper(
      file,
      // Make room at position 4, as a forger must: positions are the order of the log.
      'UPDATE events SET position = -position WHERE position >= 4',
      'UPDATE events SET position = 1 - position WHERE position < 0',
      `INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at)
       VALUES (4, 'task-forged', 0, '11111111-1111-4111-8111-111111111111', 'ProgressReported', 1, '{"n":99}', '{}', '2024-06-01T00:00:00.000Z')`,
    );
    const report = await verify();
    expect(report.failure).toMatchObject({ position: '4', index: 3 });
    expect(report.failure!.reason).toMatch(/inserted/);
  });

  it('given two events swapped, verify names the first as reordered', async () => {
    tamper(
      file,
      'UPDATE events SET position = 1000 WHERE position = 6',
      'UPDATE events SET position = 6 WHERE position = 7',
      'UPDATE events SET position = 7 WHERE position = 1000',
    );
    const report = await verify();
    expect(report.failure).toMatchObject({ position: '6', index: 5 });
    expect(report.failure!.reason).toMatch(/reordered/);
  });

  it('given a seal signed with another key, verify says the seal is not trusted', async () => {
    const report = await (async () => {
      const store = openStore(file);
      try {
        return await verifyRecords(recordsOf(store), [newKeyPair().publicKey]);
      } finally {
        await store.close();
      }
    })();
    expect(report.failure!.reason).toMatch(/seal #1 .*not a trusted key/);
  });

  it('given an altered event, the service reports the record broken on its next start', async () => {
    tamper(file, `UPDATE events SET metadata = '{"userId":"li.na"}' WHERE position = 3`);
    const store = openStore(file);
    const { keeper, errors } = startKeeper(store, key, dir.path);
    try {
      await waitUntil(() => keeper.status().state === 'broken');
      expect(keeper.status()).toMatchObject({ sealing: false, failure: { position: '3' } });
      expect(errors.join('\n')).toMatch(/THE RECORD IS BROKEN at position 3/);
    } finally {
      await keeper.stop();
      await store.close();
    }
  });

  it('given the newest events and seals cut off, the service that verified them says the end is missing', async () => {
    tamper(file, 'DELETE FROM events WHERE position > 20');
    const store = openStore(file);
    const { keeper } = startKeeper(store, key, dir.path);
    try {
      await waitUntil(() => keeper.status().state !== 'checking');
      expect(keeper.status().state).toBe('broken');
      expect(keeper.status().failure!.reason).toMatch(/ends before seal #3/);
    } finally {
      await keeper.stop();
      await store.close();
    }
  });
});
