import { SEED_PLAN_ID, TestApp } from './support/test-app';

/** Status-light rules set by an operator, as events; a view as of T uses the rules of T (issue 9, point 9). */
describe('status-light rules over HTTP', () => {
  const t = new TestApp({ ownStore: true });
  const admin = () => t.token('admin', undefined, 'root');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const target = `${SEED_PLAN_ID}-t13-g1`;
  const rules = {
    ruleSetId: 'changning-2024',
    parameters: { dueSoonDays: 200, scheduleTolerance: 0.1 },
    rules: [
      { light: 'done', when: [['verified']] },
      { light: 'late', when: [['pastDue']] },
      { light: 'watch', when: [['dueSoon']] },
      { light: 'fine', when: [['always']] },
    ],
    reason: '督查室决定：提前200天预警，序时进度容差10个百分点',
  };
  const configure = (body: unknown, token = admin()) =>
    t.request('POST', '/status-rules', { token, body });

  beforeAll(async () => {
    await t.start();
    await t.seedAndWait();
  });
  afterAll(() => t.stop());

  it('answers the built-in rule set until an admin configures one', async () => {
    const response = await t.request('GET', '/status-rules', { token: t.token('viewer') });
    expect(response.body.ruleSet).toMatchObject({ id: 'default', version: 2 });
  });

  it('refuses a non-admin, a rule set without a final always rule, an unknown fact and a missing reason', async () => {
    expect((await configure(rules, supervisor())).status).toBe(403);
    const noFallback = await configure({ ...rules, rules: rules.rules.slice(0, 3) });
    expect(noFallback.status).toBe(422);
    expect(JSON.stringify(noFallback.body)).toContain('always');
    const unknown = await configure({
      ...rules,
      rules: [{ light: 'odd', when: [['moonIsFull']] }, ...rules.rules],
    });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('moonIsFull');
    expect((await configure({ ...rules, reason: undefined })).status).toBe(400);
    expect((await t.streamEvents('status-rules')).length).toBe(0);
  });

  it('records the rule set as an event; each light names the rule set and version it was computed with; asOf uses the rules then in force', async () => {
    t.clock.set('2024-07-01T02:00:00.000Z');
    const configured = await configure(rules);
    expect(configured.status).toBe(201);
    expect(configured.body).toMatchObject({ ruleSetId: 'changning-2024', version: 3 });
    const events = await t.streamEvents('status-rules');
    expect(events.map((e) => e.type)).toEqual(['StatusRuleSetConfigured']);
    expect(events[0].data).toMatchObject({
      version: 3,
      configuredBy: 'root',
      reason: rules.reason,
    });

    const wait = `waitFor=${configured.body.position}`;
    const now = await t.request('GET', `/targets/${target}?${wait}`, { token: supervisor() });
    expect(now.body.status).toMatchObject({
      light: 'watch',
      ruleSetId: 'changning-2024',
      ruleSetVersion: 3,
    });
    const before = await t.request('GET', `/targets/${target}?asOf=2024-06-30`, {
      token: supervisor(),
    });
    expect(before.body.status).toMatchObject({ ruleSetId: 'default', ruleSetVersion: 2 });
    expect(before.body.status.light).not.toBe('watch');

    const watched = await t.request('GET', `/obligations?status=watch&${wait}`, {
      token: supervisor(),
    });
    expect(watched.status).toBe(200);
    expect(watched.body.total).toBeGreaterThan(0);
    expect(
      (await t.request('GET', '/obligations?status=on-track', { token: supervisor() })).status,
    ).toBe(400);
    expect(
      (
        await t.request('GET', '/obligations?status=on-track&asOf=2024-06-30', {
          token: supervisor(),
        })
      ).status,
    ).toBe(200);
    const summary = await t.request('GET', `/dashboard/summary?planId=${SEED_PLAN_ID}`, {
      token: supervisor(),
    });
    expect(summary.body.ruleSet).toEqual({ id: 'changning-2024', version: 3 });
    const rulesThen = await t.request('GET', '/status-rules?asOf=2024-06-30', {
      token: supervisor(),
    });
    expect(rulesThen.body.ruleSet).toMatchObject({ id: 'default', version: 2 });

    t.clock.set('2024-07-02T02:00:00.000Z');
    expect((await configure({ ...rules, reason: '再次调整' })).body.version).toBe(4);
  });
});
