import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mintToken } from '@duty-ledger/auth';
import { FixedClock } from '@duty-ledger/clock';
import { SqliteEventStore } from '@duty-ledger/event-store';
import { openReadModelDb, ProjectionRunner, READ_MODELS } from '@duty-ledger/projections';
import { dumpReadModels } from '../../libs/projections/src/testing/read-model-dump';
import { ServiceProcess, untilReady } from './service-process';

/**
 * Crash under load: COMMANDS progress reports from CONNECTIONS concurrent clients, each with its
 * own Idempotency-Key; the service is SIGKILLed once a random share of them has been answered,
 * restarted on the same data, and every report that got no answer is sent again with its key.
 * Then each report is in the log exactly once and the read models equal a fresh rebuild.
 * The embedded store runs with fsync on. `npm run bench:crash` runs it with 10,000 commands.
 */
const COMMANDS = Number(process.env.CRASH_COMMANDS ?? 1000);
const CONNECTIONS = Number(process.env.CRASH_CONNECTIONS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? 7);
const SECRET = 'crash-under-load-secret-crash-under';
const UNIT = '区数据局';

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('crash under load, then retries with the same Idempotency-Key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-ledger-crash-load-'));
  const rebuildDir = mkdtempSync(join(tmpdir(), 'duty-ledger-crash-rebuild-'));
  const token = mintToken(SECRET, { sub: 'li.na', role: 'lead', unit: UNIT, expiresIn: '1h' });
  const services: ServiceProcess[] = [];
  afterAll(async () => {
    await Promise.all(services.map((s) => s.kill('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rebuildDir, { recursive: true, force: true });
  });

  const start = async () => {
    const service = new ServiceProcess({
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      EVENT_STORE_FSYNC: 'true',
    });
    services.push(service);
    const url = await service.baseUrl();
    await untilReady(url);
    return { service, url };
  };

  const send = (url: string, targetId: string, i: number) =>
    fetch(`${url}/targets/${targetId}/milestones`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `crash-${i}`,
      },
      body: JSON.stringify({
        value: 1,
        asOf: '2024-06-01',
        evidence: ['台账'],
        note: `crash-${i}`,
      }),
    });

  it(`${COMMANDS} reports from ${CONNECTIONS} connections: each in the log exactly once, read models as rebuilt`, async () => {
    const first = await start();
    const owed = await fetch(
      `${first.url}/units/${encodeURIComponent(UNIT)}/obligations?limit=1000`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const targets = [
      ...new Set(
        ((await owed.json()) as { items: { targetId?: string; role: string }[] }).items
          .filter((item) => item.targetId && item.role === 'lead')
          .map((item) => item.targetId!),
      ),
    ];
    expect(targets.length).toBeGreaterThan(3);
    const targetOf = (i: number) => targets[i % targets.length];

    // The burst, cut by SIGKILL once a random share of it (20–60 %) has been answered.
    const next = random(SEED);
    const killAfter = Math.floor(COMMANDS * (0.2 + 0.4 * next()));
    const answered = new Set<number>();
    let cursor = 0;
    let killed = false;
    const client = async () => {
      while (cursor < COMMANDS && !killed) {
        const i = cursor++;
        try {
          const answer = await send(first.url, targetOf(i), i);
          await answer.arrayBuffer();
          if (answer.status !== 201) throw new Error(`crash-${i}: ${answer.status}`);
          answered.add(i);
          if (answered.size >= killAfter && !killed) {
            killed = true;
            first.service.child.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error; // before the kill, every report must be accepted
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    await first.service.exited;

    // Restart on the same data; send again every report that got no answer, with its key.
    const second = await start();
    const unanswered = Array.from({ length: COMMANDS }, (_, i) => i).filter(
      (i) => !answered.has(i),
    );
    let retried = 0;
    const retry = async () => {
      for (let i = unanswered.pop(); i !== undefined; i = unanswered.pop()) {
        const answer = await send(second.url, targetOf(i), i);
        await answer.arrayBuffer();
        expect({ i, status: answer.status }).toEqual({ i, status: 201 });
        retried += 1;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, retry));
    expect(second.service.kill('SIGTERM')).resolves.toBe(0);
    await second.service.exited;

    // Every report exactly once; no event id twice.
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    let reports: number;
    try {
      const notes = db
        .prepare<[], { note: string; n: number }>(
          "SELECT json_extract(data, '$.note') AS note, count(*) AS n FROM events WHERE type = 'MilestoneReported' AND json_extract(data, '$.note') LIKE 'crash-%' GROUP BY note",
        )
        .all();
      reports = notes.length;
      expect(notes.filter((row) => row.n !== 1)).toEqual([]);
      expect(reports).toBe(COMMANDS);
      const duplicateIds = db
        .prepare('SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1')
        .all();
      expect(duplicateIds).toEqual([]);
    } finally {
      db.close();
    }

    // The read models the service kept equal a fresh rebuild of the same log.
    const store = SqliteEventStore.open({ path: join(dataDir, 'events.sqlite'), fsync: false });
    const rebuilt = openReadModelDb(join(rebuildDir, 'read-models.sqlite'));
    await new ProjectionRunner({
      store,
      db: rebuilt,
      projections: READ_MODELS,
      clock: new FixedClock('2025-01-01T00:00:00Z'),
    }).rebuild();
    await store.close();
    const kept = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
    try {
      expect(dumpReadModels(kept).tables).toEqual(dumpReadModels(rebuilt).tables);
    } finally {
      kept.close();
      rebuilt.close();
    }
    console.log(
      `crash under load: ${COMMANDS} sent from ${CONNECTIONS} connections, ${answered.size} answered before SIGKILL, ${retried} retried after restart, ${reports} found exactly once`,
    );
  }, 600_000);
});
