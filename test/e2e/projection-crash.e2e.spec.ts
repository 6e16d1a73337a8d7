import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { decideImportPlan, initialPlanState } from '@duty-ledger/domain';
import { SqliteEventStore } from '@duty-ledger/event-store';
import { readSeedPlan, readUnitRegistry } from '@duty-ledger/plan-import';
import { deterministicUuid } from '@duty-ledger/commands';
import { openReadModelDb, ProjectionRunner, READ_MODELS } from '@duty-ledger/projections';
import { FixedClock } from '@duty-ledger/clock';

const root = resolve(__dirname, '../..');
const PLANS = 250;

/** A backlog of imported plans (about 120 events each) written straight into the store. */
async function writeBacklog(dataDir: string): Promise<number> {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.sqlite'), fsync: false });
  const draft = readSeedPlan(join(root, 'seeds'));
  const registry = readUnitRegistry(join(root, 'seeds'));
  let count = 0;
  for (let i = 0; i < PLANS; i += 1) {
    const planId = `crash-${i}`;
    const commandId = deterministicUuid('crash-test', planId);
    const now = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const actor = { id: 'admin', role: 'admin' as const };
    const decision = decideImportPlan(
      {
        type: 'ImportPlan',
        data: { planId, draft: { ...draft, planId }, registry },
        metadata: { actor, now, commandId },
      },
      initialPlanState(),
    );
    for (const { streamId, events } of decision) {
      await store.append(
        streamId,
        events.map((e) => ({
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data as never,
          metadata: {
            actor,
            commandId,
            correlationId: commandId,
            causationId: commandId,
            occurredAt: now,
            recordedAt: now,
          },
        })),
        { expectedRevision: 'no_stream' },
      );
      count += events.length;
    }
  }
  await store.close();
  return count;
}

function eventsApplied(dataDir: string): number {
  try {
    const db = new Database(join(dataDir, 'read-models.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const row = db
        .prepare('SELECT MIN(events_applied) AS n FROM projection_checkpoints')
        .get() as { n: number | null } | undefined;
      return row?.n ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or busy
  }
}

/** Every row of every table, order-free, as comparable text. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name}"`).all() as object[])
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

function startApi(dataDir: string): ChildProcess {
  return fork(join(root, 'apps/api/main.ts'), [], {
    cwd: root,
    execArgv: ['-r', require.resolve('../support/register-app.js')],
    env: {
      ...process.env,
      EVENTSTORE_CONNECTION_STRING: '',
      DATA_DIR: dataDir,
      PORT: '0',
      SEED_PLAN: 'false',
      AUTH_JWT_SECRET: 'crash-test-secret',
      EVENT_STORE_FSYNC: 'false',
      NODE_ENV: 'test',
    },
    stdio: 'pipe',
  });
}

const until = async (condition: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('given the service is killed (SIGKILL) while it projects a large backlog', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-ledger-crash-'));
  const rebuildDir = mkdtempSync(join(tmpdir(), 'duty-ledger-rebuild-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rebuildDir, { recursive: true, force: true });
  });

  it('when it restarts, its read models equal those of a fresh rebuild', async () => {
    const total = await writeBacklog(dataDir);

    const first = startApi(dataDir);
    const exited = new Promise((r) => first.once('exit', r));
    await until(() => eventsApplied(dataDir) > 0, 60_000, 'projection to start');
    const appliedAtKill = eventsApplied(dataDir);
    first.kill('SIGKILL');
    await exited;
    expect(appliedAtKill).toBeLessThan(total); // it really died mid-way

    const second = startApi(dataDir);
    try {
      await until(
        () => eventsApplied(dataDir) >= total,
        120_000,
        'the restarted service to catch up',
      );
    } finally {
      const stopped = new Promise((r) => second.once('exit', r));
      second.kill('SIGTERM');
      await stopped;
    }

    // A fresh rebuild of the same log into another database.
    const store = SqliteEventStore.open({ path: join(dataDir, 'events.sqlite'), fsync: false });
    const db = openReadModelDb(join(rebuildDir, 'read-models.sqlite'));
    const runner = new ProjectionRunner({
      store,
      db,
      projections: READ_MODELS,
      clock: new FixedClock('2025-01-01T00:00:00Z'),
    });
    await runner.rebuild();
    db.close();
    await store.close();

    const recovered = dump(join(dataDir, 'read-models.sqlite'));
    const rebuilt = dump(join(rebuildDir, 'read-models.sqlite'));
    expect(Object.keys(recovered)).toEqual(Object.keys(rebuilt));
    for (const table of Object.keys(rebuilt))
      expect({ table, rows: recovered[table] }).toEqual({ table, rows: rebuilt[table] });
    expect(rebuilt.projection_checkpoints.length).toBe(READ_MODELS.length);
  }, 240_000);
});
