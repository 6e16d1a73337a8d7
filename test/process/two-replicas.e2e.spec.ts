import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintToken } from '@duty-ledger/auth';
import { ServiceProcess, untilReady } from './service-process';

/**
 * Two API processes on one EventStoreDB, each with its own read models, as a deployment of
 * replicas runs. The node is the EventStoreDB test double started here, behaving as a real node
 * does (strict positions, other producers' events in $all, answers once indexed); it is the same
 * test against a real server by connection string (TWO_REPLICAS_ESDB).
 */
const { startDouble } = require(resolve(__dirname, '../../../shared/tools/esdb-double/server.js'));

const SECRET = 'two-replicas-secret-two-replicas';
const TARGET = 'changning-2024-digital-t02-g1'; // 区数据局 leads it
const UNIT = encodeURIComponent('区数据局');

describe('two replicas on one EventStoreDB', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  let double: { port: number; stop(): Promise<void> } | undefined;
  let connectionString: string;
  const lead = mintToken(SECRET, { sub: 'li.na', role: 'lead', unit: '区数据局', expiresIn: '1h' });
  const viewer = mintToken(SECRET, { sub: 'wang', role: 'viewer', expiresIn: '1h' });

  // One installation: the replicas share the seal key; the first seals, the others only check.
  const keyDir = mkdtempSync(join(tmpdir(), 'duty-ledger-replica-key-'));
  dirs.push(keyDir);

  async function replica(first: boolean): Promise<{ service: ServiceProcess; url: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'duty-ledger-replica-'));
    dirs.push(dataDir);
    const service = new ServiceProcess({
      EVENTSTORE_CONNECTION_STRING: connectionString,
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      SEED_PLAN: first ? 'true' : 'false',
      READ_CACHE: 'off',
      RECORD_SEAL_KEY_FILE: join(keyDir, 'record-seal-key.pem'),
      RECORD_SEALING: first ? 'on' : 'off',
      RECORD_SEAL_EVERY: '25',
    });
    services.push(service);
    return { service, url: await service.baseUrl() };
  }

  const get = async (url: string, token = viewer) => {
    const answer = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    return { status: answer.status, body: (await answer.json()) as Record<string, any> };
  };
  const report = (url: string, note: string) =>
    fetch(`${url}/targets/${TARGET}/milestones`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 2, asOf: '2024-06-01', evidence: ['台账'], note }),
    });

  beforeAll(async () => {
    if (process.env.TWO_REPLICAS_ESDB) {
      connectionString = process.env.TWO_REPLICAS_ESDB;
    } else {
      double = await startDouble({
        port: 0,
        strictPositions: true,
        foreignEvents: true,
        indexLatencyMs: 5,
      });
      connectionString = `esdb://127.0.0.1:${double!.port}?tls=false`;
    }
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.kill('SIGKILL')));
    await double?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a command through one is read through the other; both answer alike; one killed loses nothing; one started later catches up', async () => {
    const a = await replica(true);
    await untilReady(a.url);
    const b = await replica(false);
    await untilReady(b.url);

    // Written through A, read through B once B has projected it.
    const written = await report(a.url, '经A填报');
    expect(written.status).toBe(201);
    const { position } = (await written.json()) as { position: string };
    const history = await get(`${b.url}/targets/${TARGET}/history?waitFor=${position}`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('经A填报');

    // Both replicas compute the same answers about the same instant.
    const asOf = new Date().toISOString();
    for (const path of [
      `/units/${UNIT}/obligations?limit=1000&asOf=${asOf}`,
      `/dashboard/summary?planId=changning-2024-digital&asOf=${asOf}`,
      `/targets/${TARGET}/history?asOf=${asOf}`,
    ]) {
      const [fromA, fromB] = await Promise.all([get(`${a.url}${path}`), get(`${b.url}${path}`)]);
      expect({ path, status: fromA.status }).toEqual({ path, status: 200 });
      expect(fromB.body).toEqual(fromA.body);
    }

    // A burst through both; A is killed in the middle of it.
    const accepted: string[] = [];
    const sends = Array.from({ length: 40 }, (_, i) => {
      const via = i % 2 === 0 ? a.url : b.url;
      return report(via, `突发-${i}`).then(
        async (answer) => {
          if (answer.status === 201) accepted.push(`突发-${i}`);
          await answer.arrayBuffer();
          if (accepted.length === 10) a.service.child.kill('SIGKILL');
        },
        () => undefined, // A died with the request open: no answer, so no promise was made
      );
    });
    await Promise.all(sends);
    await a.service.exited;
    expect(accepted.length).toBeGreaterThanOrEqual(10);

    // B keeps serving, commands included, and shows every report that was answered 201.
    const after = await report(b.url, '经B填报');
    expect(after.status).toBe(201);
    const last = ((await after.json()) as { position: string }).position;
    const seenByB = JSON.stringify(
      (await get(`${b.url}/targets/${TARGET}/history?waitFor=${last}`)).body,
    );
    for (const note of [...accepted, '经B填报']) expect(seenByB).toContain(note);

    // C starts later on an empty read-model directory, catches up and says so.
    const c = await replica(false);
    await untilReady(c.url);
    const health = await get(`${c.url}/health`);
    expect(health.body).toMatchObject({ status: 'ok', caughtUp: true });
    // The seals A wrote hold for the replicas that only check them.
    for (const service of services)
      expect(service.raw.join('\n')).not.toContain('THE RECORD IS BROKEN');
    expect((await get(`${b.url}/health`)).body).toMatchObject({ status: 'ok' });
    const now = new Date().toISOString();
    const path = `/targets/${TARGET}/history?asOf=${now}&waitFor=${last}`;
    const [fromB, fromC] = await Promise.all([get(`${b.url}${path}`), get(`${c.url}${path}`)]);
    expect(fromC.status).toBe(200);
    expect(fromC.body).toEqual(fromB.body);
  }, 180_000);
});
