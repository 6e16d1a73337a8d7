import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { readPublicKey } from '@duty-ledger/record-integrity';
import { TestApp } from './support/test-app';

const TOOL = resolve(__dirname, '../../tools/verify-record.js');

/** The seed plan sealed every 20 events; the service's own key, exported as an operator would. */
describe('GET /events/:position/proof and the record in /health', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'duty-ledger-proof-'));
  const privateKey = join(dir, 'record-seal-key.pem');

  beforeAll(async () => {
    t = new TestApp({
      ownStore: true,
      config: {
        record: {
          keyFile: privateKey,
          sealEvery: 20,
        },
      },
    });
    await t.start();
    await t.seedAndWait();
  });

  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function sealedRecord(): Promise<Record<string, any>> {
    for (let i = 0; i < 500; i++) {
      const health = await t.request('GET', '/health');
      if ((health.body.record?.lastVerifiedSeal?.count ?? 0) >= 20) return health.body.record;
      await new Promise((done) => setTimeout(done, 20));
    }
    throw new Error('no seal within 10 s');
  }

  it('given a sealed log, /health says the record is sound and names the last verified seal', async () => {
    const record = await sealedRecord();
    expect(record).toMatchObject({ state: 'sound', sealing: true });
    expect(record.lastVerifiedSeal.sequence).toBeGreaterThanOrEqual(1);
  });

  it('a supervisor gets a proof the standalone verifier checks with only the public key', async () => {
    await sealedRecord();
    const answer = await t.request('GET', '/events/5/proof', { token: t.token('supervisor') });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      index: 4,
      event: { position: '5' },
      seal: { sequence: 1 },
    });

    const keyFile = join(dir, 'public.pem');
    writeFileSync(keyFile, readPublicKey(privateKey).pem);
    const proofFile = join(dir, 'proof.json');
    writeFileSync(proofFile, answer.raw.body);
    const check = spawnSync(process.execPath, [TOOL, '--key', keyFile, '--proof', proofFile], {
      encoding: 'utf8',
    });
    expect(check.stdout).toMatch(/^OK: event .* is event #4 of the log under seal #1/);
    expect(check.status).toBe(0);
  });

  it('leads and viewers may not ask, a bad position is a 400 naming it, an unknown one 404', async () => {
    expect((await t.request('GET', '/events/5/proof', { token: t.token('viewer') })).status).toBe(
      403,
    );
    expect(
      (await t.request('GET', '/events/5/proof', { token: t.token('lead', '区数据局') })).status,
    ).toBe(403);
    expect((await t.request('GET', '/events/5/proof')).status).toBe(401);
    const bad = await t.request('GET', '/events/abc/proof', { token: t.token('admin') });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/^position/);
    expect(
      (await t.request('GET', '/events/99999/proof', { token: t.token('admin') })).status,
    ).toBe(404);
  });
});
