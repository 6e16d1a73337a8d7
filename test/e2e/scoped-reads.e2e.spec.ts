import { sign } from 'jsonwebtoken';
import { SEED_PLAN_ID, TestApp } from './support/test-app';

/**
 * Who may read what (issue 9, point 8): a lead reads its own unit's obligations and the targets its
 * unit owns; the audit feed and the attention lists are for supervisors and admins.
 */
describe('scoped reads over HTTP', () => {
  const t = new TestApp({ ownStore: true });
  const dataLead = () => t.token('lead', '区数据局', 'li.na');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const ownedByData = `${SEED_PLAN_ID}-t02-g1`; // 区数据局 leads task 2
  const notOwnedByData = `${SEED_PLAN_ID}-t13-g1`; // 区建设管理委 alone
  const get = (url: string, token: string) => t.request('GET', url, { token });

  beforeAll(async () => {
    await t.start();
    await t.seedAndWait();
  });
  afterAll(() => t.stop());

  it('given a lead of 区数据局, when it reads the audit feed or the attention lists, then 403', async () => {
    for (const url of [
      '/audit/target-changes',
      '/audit/target-changes.csv',
      '/audit/target-changes.xlsx',
      '/audit/attention',
    ]) {
      expect((await get(url, dataLead())).status).toBe(403);
      expect((await get(url, t.token('viewer'))).status).toBe(403);
    }
    expect((await get('/audit/target-changes', supervisor())).status).toBe(200);
    expect((await get('/audit/attention', t.token('admin'))).status).toBe(200);
  });

  it('given a lead, when it lists obligations, then it gets its own unit only, and 403 for another', async () => {
    const own = await get('/units/区数据局/obligations', dataLead());
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect((await get('/units/区建设管理委/obligations', dataLead())).status).toBe(403);
    const all = await get('/obligations?limit=1000', dataLead());
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(own.body.total);
    expect(new Set(all.body.items.map((o: { unit: string }) => o.unit))).toEqual(
      new Set(['区数据局']),
    );
    expect((await get('/obligations?unit=区建设管理委', dataLead())).status).toBe(403);
    expect((await get('/obligations.csv?unit=区建设管理委', dataLead())).status).toBe(403);
    const everyone = await get('/obligations', t.token('viewer'));
    expect(everyone.body.total).toBeGreaterThan(own.body.total);
  });

  it('given a lead, when it reads a target its unit owns, then 200; another unit’s target, then 403', async () => {
    expect((await get(`/targets/${ownedByData}`, dataLead())).status).toBe(200);
    expect((await get(`/targets/${ownedByData}/history`, dataLead())).status).toBe(200);
    const other = await get(`/targets/${notOwnedByData}`, dataLead());
    expect(other.status).toBe(403);
    expect((await get(`/targets/${notOwnedByData}/history`, dataLead())).status).toBe(403);
    expect((await get(`/targets/${notOwnedByData}`, t.token('viewer'))).status).toBe(200);
    expect((await get(`/dashboard/summary?planId=${SEED_PLAN_ID}`, dataLead())).status).toBe(200);
  });

  it('pages the audit feed like every listing', async () => {
    t.clock.set('2024-06-16T02:00:00.000Z');
    let position = '';
    for (const unit of ['区科委', '区商务委', '区教育局']) {
      const assigned = await t.request('POST', `/targets/${notOwnedByData}/assignments`, {
        token: supervisor(),
        body: { unit, role: 'supporting', reason: '协同推进' },
      });
      expect(assigned.status).toBe(201);
      position = String(assigned.body.position);
    }
    const url = `/audit/target-changes?kind=owner-changed&planId=${SEED_PLAN_ID}&waitFor=${position}`;
    const whole = await get(url, supervisor());
    expect(whole.body).toMatchObject({ total: 3, limit: 50, offset: 0, nextOffset: null });
    const first = await get(`${url}&limit=2`, supervisor());
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0, nextOffset: 2 });
    const second = await get(`${url}&limit=2&offset=2`, supervisor());
    expect([...first.body.items, ...second.body.items]).toEqual(whole.body.items);
    expect((await get(`${url}&limit=0`, supervisor())).body.detail).toMatch(/limit/);
  });

  it('answers the attention lists as of an instant', async () => {
    const response = await get('/audit/attention?asOf=2024-05-01', supervisor());
    expect(response.status).toBe(200);
    expect(response.body.now).toBe('2024-05-01T15:59:59.999Z');
    expect((await get('/audit/attention?asOf=someday', supervisor())).status).toBe(400);
  });

  it('refuses a bearer token without an expiry', async () => {
    const forever = sign({ role: 'admin' }, t.config.jwtSecret, {
      algorithm: 'HS256',
      subject: 'root',
    });
    const response = await get('/obligations', forever);
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).toContain('exp');
  });
});
