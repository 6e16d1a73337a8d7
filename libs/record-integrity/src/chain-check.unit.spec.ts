import { ChainCheck, type ChainReport } from './chain-check';
import type { LoggedRecord } from './logged-record';
import { sealOf, signSeal, sealData } from './seal';
import { eventRecord, newKeyPair, sealedLog } from './testing/sealed-log';
import { verifyRecords } from './verify-log';

const key = newKeyPair();
const trusted = [key.publicKey];

function check(log: readonly LoggedRecord[], keys = trusted): ChainReport {
  const chain = new ChainCheck(keys);
  for (const record of log) if (chain.add(record)) break;
  return chain.report();
}

/** 25 events, a seal after every 10: seals at positions 11 and 22. */
const intact = sealedLog(25, 10, key);
const positionOf = (n: number) => intact.find((r) => r.id === eventRecord(n).id)!.position;

describe('checking the seals of a log', () => {
  it('given an untouched log, every seal holds and the events after the last seal are counted as unsealed', () => {
    const report = check(intact);
    expect(report).toMatchObject({ ok: true, eventsChecked: 27, sealsChecked: 2, unsealed: 5 });
    expect(report.lastGoodSeal).toMatchObject({ sequence: 2, count: 21, position: '22' });
  });

  it('given one character of one event changed, names that position and the last seal that holds', () => {
    const log = intact.map((r) =>
      r.id === eventRecord(13).id ? { ...r, data: { ...r.data, 文号: '长府办〔2024〕99号' } } : r,
    );
    const report = check(log);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ position: positionOf(13), index: 14 });
    expect(report.failure!.reason).toMatch(/altered/);
    expect(report.lastGoodSeal).toMatchObject({ sequence: 1, position: '11' });
  });

  it('given a changed recording time or metadata, the event no longer matches', () => {
    for (const change of [
      { recordedAt: '2024-06-01T00:00:04.000Z' },
      { metadata: { userId: 'li.na' } },
      { schemaVersion: 2 },
    ]) {
      const log = intact.map((r) => (r.id === eventRecord(3).id ? { ...r, ...change } : r));
      expect(check(log).failure).toMatchObject({ position: positionOf(3) });
    }
  });

  it('given an event removed, names the position where the next one now stands', () => {
    const log = intact.filter((r) => r.id !== eventRecord(4).id);
    const report = check(log);
    expect(report.failure).toMatchObject({ position: positionOf(5) });
    expect(report.failure!.reason).toMatch(/1 event\(s\) were removed before position/);
  });

  it('given an event inserted, names the inserted position', () => {
    const inserted = { ...eventRecord(100), position: '4.5' };
    const at = intact.findIndex((r) => r.id === eventRecord(4).id);
    const log = [...intact.slice(0, at), inserted, ...intact.slice(at)];
    const report = check(log);
    expect(report.failure).toMatchObject({ position: '4.5', index: 4 });
    expect(report.failure!.reason).toMatch(/inserted/);
  });

  it('given two events swapped, names the first of them as reordered', () => {
    const log = [...intact];
    const at = log.findIndex((r) => r.id === eventRecord(6).id);
    [log[at], log[at + 1]] = [log[at + 1], log[at]];
    const report = check(log);
    expect(report.failure).toMatchObject({ index: 6 });
    expect(report.failure!.reason).toMatch(/reordered/);
  });

  it('given a seal whose content was changed, its signature does not verify', () => {
    const log = intact.map((r) => {
      const seal = sealOf(r);
      return seal?.sequence === 2
        ? { ...r, data: { ...r.data, sealedAt: '2030-01-01T00:00:00.000Z' } }
        : r;
    });
    const report = check(log);
    expect(report.failure).toMatchObject({ position: '22' });
    expect(report.failure!.reason).toMatch(/signature does not verify/);
    expect(report.lastGoodSeal?.sequence).toBe(1);
  });

  it('given a log altered and sealed again with another key, the seal is not trusted', () => {
    const forger = newKeyPair();
    const log = intact.map((r) => {
      const seal = sealOf(r);
      if (!seal) return r;
      const { signature: _s, format: _f, publicKey: _p, keyId: _k, ...body } = seal;
      return { ...r, data: sealData(signSeal(body, forger)) };
    });
    expect(check(log).failure!.reason).toMatch(/not a trusted key/);
  });

  it('given a seal removed, the next seal does not follow on', () => {
    const log = intact.filter((r) => sealOf(r)?.sequence !== 1);
    expect(check(log).failure).toMatchObject({ position: '22' });
  });

  it('given the end of the log cut off, a check that knows the last verified seal fails', async () => {
    const held = check(intact).lastGoodSeal!;
    async function* cut() {
      yield* intact.slice(0, 15);
    }
    const report = await verifyRecords(cut(), trusted, { verifiedBefore: held });
    expect(report.ok).toBe(false);
    expect(report.failure!.reason).toMatch(/ends before seal #2/);
  });

  it('hashes the canonical form: the same event with its JSON keys in another order matches', () => {
    const log = intact.map((r) =>
      r.id === eventRecord(2).id
        ? { ...r, data: { value: r.data.value, 文号: r.data['文号'], n: r.data.n } }
        : r,
    );
    expect(Object.keys(log[2].data)).toEqual(['value', '文号', 'n']);
    expect(check(log).ok).toBe(true);
  });
});
