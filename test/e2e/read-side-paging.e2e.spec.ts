import { ProjectionRunner } from '@duty-ledger/projections';
import { TestApp } from './support/test-app';

/**
 * Paging of the obligation listings and the status filter across units, on the seed plan
 * (18 tasks, 39 targets; 区数据局 owes more than one page of a few items).
 */
describe('obligation listings over HTTP: pages and the status filter', () => {
  // Listings across every unit compare whole answers: a log no other suite writes to.
  const t = new TestApp({ ownStore: true });
  const unit = '区数据局';
  const viewer = () => t.token('viewer');
  const get = async (url: string) => {
    const response = await t.request('GET', url, { token: viewer() });
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    await t.start();
    await t.seed();
    const head = await t.store.headPosition();
    if (head) await t.app.get(ProjectionRunner).waitForPosition(head, 5000);
  });
  afterAll(() => t.stop());

  it("pages a unit's obligations with limit and offset, and the pages add up to the whole list", async () => {
    const all = await get(`/units/${unit}/obligations?limit=1000`);
    expect(all).toMatchObject({ unit, offset: 0, limit: 1000, nextOffset: null });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(5);

    const pages = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = await get(`/units/${unit}/obligations?limit=5&offset=${offset}`);
      expect(page).toMatchObject({ unit, total: all.total, limit: 5, offset });
      expect(page.items.length).toBeLessThanOrEqual(5);
      pages.push(...page.items);
      offset = page.nextOffset;
    }
    expect(pages).toEqual(all.items);
  });

  it('answers 50 items by default, and an offset past the end with an empty last page', async () => {
    const first = await get(`/units/${unit}/obligations`);
    expect(first.limit).toBe(50);
    expect(first.items).toHaveLength(Math.min(50, first.total));
    const beyond = await get(`/units/${unit}/obligations?offset=${first.total + 10}`);
    expect(beyond).toMatchObject({ total: first.total, items: [], nextOffset: null });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['status=purple', 'status'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const response = await t.request('GET', `/units/${unit}/obligations?${query}`, {
      token: viewer(),
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, code: expect.any(String) });
    expect(response.body.detail).toMatch(new RegExp(`^${field}`));
  });

  it("pages a unit's obligations of one light out of the same list", async () => {
    const all = (await get(`/units/${unit}/obligations?limit=1000`)).items;
    for (const light of ['done', 'overdue', 'not-acknowledged', 'at-risk', 'on-track']) {
      const expected = all.filter((o: { status: { light: string } }) => o.status.light === light);
      const page = await get(`/units/${unit}/obligations?status=${light}&limit=2&offset=1`);
      expect(page.total).toBe(expected.length);
      expect(page.items).toEqual(expected.slice(1, 3));
    }
  });

  it('filters every unit by light with the same answers as assessing each listed obligation', async () => {
    const all = await get(`/obligations?limit=1000`);
    expect(all.total).toBe(all.items.length);
    let counted = 0;
    for (const light of ['done', 'overdue', 'not-acknowledged', 'at-risk', 'on-track']) {
      const expected = all.items.filter(
        (o: { status: { light: string } }) => o.status.light === light,
      );
      const whole = await get(`/obligations?status=${light}&limit=1000`);
      expect(whole.total).toBe(expected.length);
      expect(whole.items).toEqual(expected);
      // A page that starts and ends inside an item's obligations.
      const page = await get(`/obligations?status=${light}&limit=3&offset=1`);
      expect(page).toMatchObject({ total: expected.length, offset: 1, limit: 3 });
      expect(page.items).toEqual(expected.slice(1, 4));
      counted += whole.total;
    }
    expect(counted).toBe(all.total);
  });

  it('filters every unit by light as of an earlier instant, and within a plan', async () => {
    const asOf = '2024-03-01T00:00:00.000Z';
    const all = await get(`/obligations?limit=1000&asOf=${asOf}`);
    const notAcked = await get(`/obligations?status=not-acknowledged&limit=1000&asOf=${asOf}`);
    expect(notAcked.items).toEqual(
      all.items.filter((o: { status: { light: string } }) => o.status.light === 'not-acknowledged'),
    );
    const planId = all.items[0]?.planId as string;
    const inPlan = await get(`/obligations?status=on-track&planId=${planId}&limit=1000`);
    const everywhere = await get(`/obligations?status=on-track&limit=1000`);
    expect(inPlan.items).toEqual(
      everywhere.items.filter((o: { planId: string }) => o.planId === planId),
    );
  });
});
