import { SEED_PLAN_ID, TestApp } from './support/test-app';

/** The unit registry (issue 9, point 7): listed, extended by admins as events, enforced on assignment. */
describe('the unit registry over HTTP', () => {
  const t = new TestApp();
  const admin = () => t.token('admin', undefined, 'root');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const taskId = `${SEED_PLAN_ID}-t13`;
  const assign = (unit: string, token = supervisor()) =>
    t.request('POST', `/tasks/${taskId}/assignments`, {
      token,
      body: { unit, role: 'supporting', reason: '协同推进' },
    });

  beforeAll(async () => {
    await t.start();
    await t.seedAndWait();
  });
  afterAll(() => t.stop());

  it('lists the seed units and groups to every reader', async () => {
    const response = await t.request('GET', '/units', { token: t.token('lead', '区数据局') });
    expect(response.status).toBe(200);
    expect(response.body.units).toContainEqual({ name: '区数据局', source: 'seed' });
    expect(Object.keys(response.body.groups)).toEqual(['各街镇', '各相关单位']);
  });

  it('refuses to assign a unit it does not know with a 422 naming the closest known names', async () => {
    const response = await assign('区数据中心');
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain('不在单位名录中');
    expect(response.body.details.closest[0]).toBe('区数据局');
    expect((await assign('区数据中心', t.token('lead', '区数据局'))).status).toBe(403);
    expect((await assign('区数据局')).status).toBe(201);
  });

  it('lets an admin add a unit, as an event, after which it can be assigned', async () => {
    t.clock.set('2024-06-20T02:00:00.000Z');
    expect(
      (await t.request('POST', '/units', { token: supervisor(), body: { name: '区数据中心' } }))
        .status,
    ).toBe(403);
    expect((await t.request('POST', '/units', { token: admin(), body: {} })).status).toBe(400);
    const added = await t.request('POST', '/units', {
      token: admin(),
      body: { name: '区数据中心', reason: '机构改革新设' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: '区数据中心', revision: 0 });
    const events = await t.streamEvents('unit-registry');
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['UnitAdded', { name: '区数据中心', addedBy: 'root', reason: '机构改革新设' }],
    ]);
    const again = await t.request('POST', '/units', { token: admin(), body: { name: '区数据局' } });
    expect(again.status).toBe(409);
    const listed = await t.request('GET', '/units', { token: supervisor() });
    expect(listed.body.units.at(-1)).toEqual({
      name: '区数据中心',
      source: 'added',
      addedBy: 'root',
      addedAt: '2024-06-20T02:00:00.000Z',
      reason: '机构改革新设',
    });
    const before = await t.request('GET', '/units?asOf=2024-06-19', { token: supervisor() });
    expect(before.body.units.map((u: { name: string }) => u.name)).not.toContain('区数据中心');
    expect((await assign('区数据中心')).status).toBe(201);
  });
});
