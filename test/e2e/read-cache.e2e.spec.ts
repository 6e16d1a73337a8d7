import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { mintToken } from '@duty-ledger/auth';
import { DEFAULT_READ_CACHE, type ApiConfig } from '../../apps/api/config';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/**
 * The read cache seen from a client: repeated GETs answered from memory until a command changes
 * the read models or, for answers about now, until the TTL has passed on the application's clock.
 * Task 13 of the seed: 区建设管理委 leads its one target.
 */
describe('the read cache over HTTP', () => {
  // Hits need read models that stay still between two requests: a log no other suite writes to.
  const t = new TestApp({ ownStore: true });
  const planId = `cache-${randomBytes(4).toString('hex')}`;
  const targetId = `${planId}-t13-g1`;
  const lead = () => t.token('lead', '区建设管理委', 'chen.lei');
  const viewer = (sub = 'viewer-1') => t.token('viewer', undefined, sub);
  const unitUrl = '/units/区建设管理委/obligations?limit=1000';
  let position = '';

  const get = (url: string, token = viewer(), headers: Record<string, string> = {}) =>
    t.request('GET', url, { token, headers });
  const report = async (value: number) => {
    const response = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: lead(),
      body: { value, asOf: '2024-06-14' },
    });
    expect(response.status).toBe(201);
    position = String(response.body.position);
    // Read-your-writes bypasses the cache and waits until the read models have the report.
    expect((await get(`/targets/${targetId}?waitFor=${position}`)).status).toBe(200);
  };
  const latestOf = (body: { [key: string]: unknown }) =>
    (body.items as { targetId?: string; latestReport?: { value: number } }[]).find(
      (o) => o.targetId === targetId,
    )?.latestReport?.value;

  beforeAll(async () => {
    await t.start();
    const imported = await t.request('POST', '/plans', {
      token: t.token('admin'),
      body: { text: seedText, planId },
    });
    expect(imported.status).toBe(201);
    position = String(imported.body.position);
    expect((await get(`/targets/${targetId}?waitFor=${position}`)).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('answers a repeated GET from memory, with the same body and validators', async () => {
    const first = await get(`/targets/${targetId}/history`);
    const second = await get(`/targets/${targetId}/history`);
    expect(first.status).toBe(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.raw.body).toBe(first.raw.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['cache-control']).toBe('private, no-cache');
  });

  it('answers about now again only within the TTL on the application clock', async () => {
    const first = await get(`/dashboard/summary?planId=${planId}`);
    t.clock.advance(DEFAULT_READ_CACHE.ttlMs - 1);
    const within = await get(`/dashboard/summary?planId=${planId}`);
    expect(within.headers['x-read-cache']).toBe('hit');
    expect(within.body.asOf).toBe(first.body.asOf);
    t.clock.advance(1);
    const after = await get(`/dashboard/summary?planId=${planId}`);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.asOf).toBe(t.clock.now().toISOString());
  });

  it('keeps an answer fixed by asOf past the TTL, until the read models change', async () => {
    const url = `${unitUrl}&asOf=2024-06-01`;
    const first = await get(url);
    t.clock.advance(10 * DEFAULT_READ_CACHE.ttlMs);
    expect((await get(url)).headers['x-read-cache']).toBe('hit');
    await report(30);
    const recomputed = await get(url);
    expect(recomputed.headers['x-read-cache']).toBe('miss');
    // Recorded after asOf, the report does not change this answer.
    expect(recomputed.raw.body).toBe(first.raw.body);
  });

  it('drops the cached answers when a command changes the read models', async () => {
    await get(unitUrl);
    const cached = await get(unitUrl);
    expect(cached.headers['x-read-cache']).toBe('hit');
    const before = latestOf(cached.body);
    await report(before === 55 ? 56 : 55);
    const after = await get(unitUrl);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(latestOf(after.body)).toBe(before === 55 ? 56 : 55);
  });

  it("never answers one caller's claims with another's cached answer", async () => {
    const url = `/dashboard/summary?planId=${planId}`;
    await get(url, viewer('viewer-a'));
    expect((await get(url, viewer('viewer-a'))).headers['x-read-cache']).toBe('hit');
    expect((await get(url, viewer('viewer-b'))).headers['x-read-cache']).toBe('miss');
    expect((await get(url, lead())).headers['x-read-cache']).toBe('miss');
    // A new token with the same claims may reuse the answer: authorization depends on nothing else.
    expect((await get(url, viewer('viewer-b'))).headers['x-read-cache']).toBe('hit');
  });

  it('verifies the token on every request, hits included', async () => {
    const url = `/targets/${targetId}`;
    await get(url);
    expect((await get(url)).headers['x-read-cache']).toBe('hit');
    expect((await t.request('GET', url)).status).toBe(401);
    const forged = `${viewer().slice(0, -4)}AAAA`;
    expect((await get(url, forged)).status).toBe(401);
    const expired = mintToken(t.config.jwtSecret, {
      sub: 'viewer-1',
      role: 'viewer',
      expiresIn: -60,
    });
    expect((await get(url, expired)).status).toBe(401);
  });

  it('answers 304 to If-None-Match with the current ETag, from memory or freshly computed', async () => {
    const url = `/targets/${targetId}/history?asOf=${t.clock.now().toISOString()}`;
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const cached = await get(url, viewer(), { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.raw.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    t.clock.advance(1000);
    await report(61);
    // Recomputed after the change, the same bytes: still not modified.
    const fresh = await get(url, viewer(), { 'if-none-match': `W/"other", ${etag}` });
    expect(fresh.status).toBe(304);
    expect(fresh.headers['x-read-cache']).toBe('miss');
    expect((await get(url, viewer(), { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('lets requests that wait for a position through to the read models', async () => {
    const url = `${unitUrl}&waitFor=${position}`;
    await get(url);
    const again = await get(url);
    expect(again.status).toBe(200);
    expect(again.headers['x-read-cache']).toBeUndefined();
  });

  it('caches neither errors nor routes outside the read endpoints', async () => {
    const bad = `/units/区建设管理委/obligations?limit=0`;
    expect((await get(bad)).status).toBe(400);
    expect((await get(bad)).headers['x-read-cache']).toBeUndefined();
    expect((await get('/projections/status')).headers['x-read-cache']).toBeUndefined();
  });
});

describe('the read cache switched off (READ_CACHE=off)', () => {
  class UncachedApp extends TestApp {
    override get config(): ApiConfig {
      return { ...super.config, readCache: { ...DEFAULT_READ_CACHE, enabled: false } };
    }
  }
  const t = new UncachedApp({ ownStore: true });
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it('computes every answer', async () => {
    const token = t.token('viewer');
    const first = await t.request('GET', '/obligations?limit=1', { token });
    t.clock.advance(1);
    const second = await t.request('GET', '/obligations?limit=1', { token });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['x-read-cache']).toBeUndefined();
    expect(second.headers.etag).toBeUndefined();
    expect(Date.parse(second.body.asOf) - Date.parse(first.body.asOf)).toBe(1);
  });
});
