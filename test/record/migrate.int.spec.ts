import { resolve } from 'node:path';
import type { EventStore } from '@duty-ledger/event-store';
import { EventStoreDbEventStore } from '@duty-ledger/event-store/esdb';
import {
  copyLog,
  recordsOf,
  verifyRecords,
  type LoggedRecord,
  type SealKeyPair,
} from '@duty-ledger/record-integrity';
import { newKeyPair } from '../../libs/record-integrity/src/testing/sealed-log';
import { appendEvents, openStore, startKeeper, TempDir, waitUntil } from './support';

/*
 * `migrate` against the in-memory EventStoreDB double (../shared/tools/esdb-double): a fresh
 * server per test, since the copy resumes after the target's last event and verify reads its
 * whole $all. It runs in `npm test` and in `npm run test:esdb`.
 */
const { startDouble } = require(
  resolve(__dirname, '../../../shared/tools/esdb-double/server.js'),
) as {
  startDouble(options: { port: number }): Promise<{ port: number; stop(): Promise<void> }>;
};

const identity = (r: LoggedRecord) => [r.id, r.streamId, r.revision, r.type, r.recordedAt];

async function all(store: EventStore): Promise<LoggedRecord[]> {
  const records: LoggedRecord[] = [];
  for await (const record of recordsOf(store)) records.push(record);
  return records;
}

describe('migrating the embedded log to EventStoreDB', () => {
  let dir: TempDir;
  let key: SealKeyPair;
  let source: EventStore;
  let double: { port: number; stop(): Promise<void> };
  let target: EventStore;

  beforeEach(async () => {
    dir = new TempDir();
    key = newKeyPair();
    source = openStore(dir.file('events.sqlite'));
    const { keeper } = startKeeper(source, key, dir.path);
    await appendEvents(source, 45);
    await waitUntil(() => (keeper.status().lastVerifiedSeal?.sequence ?? 0) >= 4);
    await keeper.stop();
    double = await startDouble({ port: 0 });
    target = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${double.port}?tls=false`);
  });

  afterEach(async () => {
    await target.close();
    await source.close();
    await double.stop();
    dir.remove();
  });

  const migrate = (onRecord?: (record: LoggedRecord, copied: boolean) => void) =>
    copyLog(recordsOf(source), target, { recordedAt: { kind: 'metadata' }, onRecord });

  it('copies every event with its id, stream, revision and recording time, and verify passes there', async () => {
    const outcome = await migrate();
    expect(outcome).toEqual({ copied: 49, alreadyThere: 0 });
    const copied = await all(target);
    expect(copied.map(identity)).toEqual((await all(source)).map(identity));
    expect(copied[7].data).toMatchObject({ 文号: '长府办〔2024〕7号' });
    const report = await verifyRecords(recordsOf(target), [key.publicKey]);
    expect(report).toMatchObject({ ok: true, eventsChecked: 49, sealsChecked: 4 });
  });

  it('running it twice copies nothing the second time', async () => {
    await migrate();
    expect(await migrate()).toEqual({ copied: 0, alreadyThere: 49 });
    expect(await all(target)).toHaveLength(49);
  });

  it('interrupted part way, it resumes where it stopped and copies each event once', async () => {
    let seen = 0;
    await expect(
      migrate(() => {
        if (++seen === 20) throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    const partial = (await all(target)).length;
    expect(partial).toBeGreaterThanOrEqual(20);
    expect(partial).toBeLessThan(49);

    expect(await migrate()).toEqual({ copied: 49 - partial, alreadyThere: partial });
    const copied = await all(target);
    expect(copied.map((r) => r.id)).toEqual((await all(source)).map((r) => r.id));
    expect(await verifyRecords(recordsOf(target), [key.publicKey])).toMatchObject({ ok: true });
  });

  it('after the move, the service seals on EventStoreDB and the whole log still verifies', async () => {
    await migrate();
    const { keeper, errors } = startKeeper(target, key, dir.path, 5);
    try {
      await appendEvents(target, 6, 500);
      await waitUntil(() => (keeper.status().lastVerifiedSeal?.sequence ?? 0) >= 5);
      expect(errors).toEqual([]);
    } finally {
      await keeper.stop();
    }
    const report = await verifyRecords(recordsOf(target), [key.publicKey]);
    expect(report).toMatchObject({ ok: true, sealsChecked: 5 });
  });
});
