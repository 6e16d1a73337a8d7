import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  openReadModelDb,
  ProjectionRunner,
  READ_MODELS,
  readModelPath,
} from '@duty-ledger/projections';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/**
 * The read cache and commits another process makes to the read-model file, such as
 * `npm run cli -- projections rebuild` run while the service is up: the service learns of them only
 * through SQLite's PRAGMA data_version, not from its own projection runner. Task 13 of the seed:
 * 区建设管理委 leads its one target.
 */
describe('the read cache after another connection rebuilds the read models', () => {
  const t = new TestApp();
  const planId = `dv-${randomBytes(4).toString('hex')}`;
  const targetId = `${planId}-t13-g1`;
  const url = `/targets/${targetId}`;
  const get = (path: string) => t.request('GET', path, { token: t.token('viewer') });

  beforeAll(async () => {
    await t.start();
    const imported = await t.request('POST', '/plans', {
      token: t.token('admin'),
      body: { text: seedText, planId },
    });
    expect(imported.status).toBe(201);
    expect((await get(`${url}?waitFor=${imported.body.position}`)).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('answers from the read models as the other connection left them, not from memory', async () => {
    const first = await get(url);
    expect(first.headers['x-read-cache']).toBe('miss');
    expect(first.body.latestReport).toBeUndefined();
    expect((await get(url)).headers['x-read-cache']).toBe('hit');

    // The service's runner stops, so nothing in this process changes the read models any more:
    // the report below reaches them only through the other connection's rebuild.
    await t.app.get(ProjectionRunner).stop();
    const reported = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: t.token('lead', '区建设管理委', 'chen.lei'),
      body: { value: 42, asOf: '2024-06-14' },
    });
    expect(reported.status).toBe(201);
    const stale = await get(url);
    expect(stale.headers['x-read-cache']).toBe('hit');
    expect(stale.raw.body).toBe(first.raw.body);

    // What the CLI's `projections rebuild` does: its own connection to the same file, its own
    // runner, rebuilding every read model from the log (which now holds the report).
    const db = openReadModelDb(readModelPath(t.config.dataDir));
    try {
      await new ProjectionRunner({
        store: t.store,
        db,
        projections: READ_MODELS,
        clock: t.clock,
      }).rebuild();
    } finally {
      db.close();
    }

    const fresh = await get(url);
    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-read-cache']).toBe('miss');
    expect(fresh.body.latestReport).toMatchObject({ value: 42 });
    expect((await get(url)).headers['x-read-cache']).toBe('hit');
  });
});
