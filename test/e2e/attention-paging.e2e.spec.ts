import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');
type Item = { planId: string; days: number };
const LISTS = [
  'unacknowledged',
  'noRecentReport',
  'deadlineMovedRepeatedly',
  'loweredLate',
  'declined',
  'awaitingDecision',
];

/**
 * GET /audit/attention a page per list, as a supervisor's dashboard reads it: two copies of the
 * seed plan (18 tasks, 39 targets each) imported three days apart, nothing answered or reported,
 * so with unackDays=0 and noReportDays=0 every assignment and every target is on a list, the
 * first plan's owed three days longer than the second's.
 */
describe('the attention list over HTTP: a page per list', () => {
  const t = new TestApp();
  const run = randomBytes(4).toString('hex');
  const older = `attn-old-${run}`;
  const newer = `attn-new-${run}`;
  const supervisor = () => t.token('supervisor');
  const get = async (query: string) => {
    const response = await t.request('GET', `/audit/attention?${query}`, { token: supervisor() });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Every page of one list, following nextOffset. */
  const allPages = async (query: string, list: string, limit: number) => {
    const items: Record<string, unknown>[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: { items: Record<string, unknown>[]; nextOffset: number | null } = (
        await get(`${query}&list=${list}&limit=${limit}&offset=${offset}`)
      )[list];
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return items;
  };
  const importPlan = async (planId: string) => {
    const imported = await t.request('POST', '/plans', {
      token: t.token('admin'),
      body: { text: seedText, planId },
    });
    expect(imported.status).toBe(201);
    // Read-your-writes: answers once the read models have the plan.
    await get(`planId=${planId}&waitFor=${imported.body.position}`);
  };
  // Only the two plans of this run: the store may hold others (a shared EventStoreDB).
  const of = (planId: string) => `unackDays=0&noReportDays=0&planId=${planId}`;

  beforeAll(async () => {
    await t.start();
    await importPlan(older);
    t.clock.advance(3 * 86_400_000);
    await importPlan(newer);
  });
  afterAll(() => t.stop());

  it('answers every list as a page: its total, at most 50 items by default, and nextOffset', async () => {
    const body = await get(of(older));
    expect(Object.keys(body)).toEqual(['now', 'parameters', ...LISTS]);
    for (const list of LISTS) {
      const page = body[list];
      expect(page).toMatchObject({ limit: 50, offset: 0 });
      expect(page.items).toHaveLength(Math.min(50, page.total));
      expect(page.nextOffset).toBe(page.total > 50 ? 50 : null);
    }
    // One answer owed per assignment, one silent target per target of the plan.
    expect(body.unacknowledged.total).toBeGreaterThan(50);
    expect(body.noRecentReport.total).toBe(39);
    expect(body.deadlineMovedRepeatedly).toEqual({
      total: 0,
      limit: 50,
      offset: 0,
      nextOffset: null,
      items: [],
    });
  });

  it('keeps the fields of each item', async () => {
    const { unacknowledged, noRecentReport } = await get(`${of(older)}&limit=1`);
    expect(unacknowledged.items[0]).toMatchObject({
      planId: older,
      taskId: expect.any(String),
      taskNo: expect.any(Number),
      taskTitle: expect.any(String),
      unit: expect.any(String),
      role: expect.stringMatching(/^(lead|supporting)$/),
      scope: expect.stringMatching(/^(task|target)$/),
      isGroup: expect.any(Boolean),
      acknowledgement: 'pending',
      owedSince: expect.any(String),
      days: 3,
    });
    expect(noRecentReport.items[0]).toMatchObject({
      planId: older,
      targetId: expect.any(String),
      metric: expect.any(String),
      leads: expect.arrayContaining([expect.any(String)]),
      days: 3,
    });
    expect(noRecentReport.items[0]).not.toHaveProperty('lastReportedAt');
  });

  it('answers one list alone, whose pages add up to the whole list', async () => {
    for (const list of ['unacknowledged', 'noRecentReport']) {
      const whole = (await get(`${of(older)}&list=${list}&limit=1000`))[list];
      expect(whole.items).toHaveLength(whole.total);
      const second = await get(`${of(older)}&list=${list}&limit=7&offset=7`);
      expect(Object.keys(second)).toEqual(['now', 'parameters', list]);
      expect(second[list]).toMatchObject({
        total: whole.total,
        limit: 7,
        offset: 7,
        nextOffset: 14,
      });
      expect(second[list].items).toEqual(whole.items.slice(7, 14));
      expect(await allPages(of(older), list, 7)).toEqual(whole.items);
    }
  });

  it('puts the longest owed and the longest silent first', async () => {
    for (const list of ['unacknowledged', 'noRecentReport']) {
      const every = (await allPages('unackDays=0&noReportDays=0', list, 50)) as Item[];
      const mine = every.filter((i) => i.planId === older || i.planId === newer);
      const firstNewer = mine.findIndex((i) => i.planId === newer);
      expect(firstNewer).toBeGreaterThan(0);
      // Every item of the plan imported three days earlier comes before any of the later one.
      expect(mine.slice(firstNewer).every((i) => i.planId === newer)).toBe(true);
      expect(mine[0].days).toBe(3);
      expect(mine[mine.length - 1].days).toBe(0);
      const days = every.map((i) => i.days);
      expect(days).toEqual([...days].sort((a, b) => b - a));
    }
  });

  it('answers an offset past the end with the total and no items', async () => {
    const { unacknowledged } = await get(`${of(newer)}&list=unacknowledged&offset=100000`);
    expect(unacknowledged.total).toBeGreaterThan(50);
    expect(unacknowledged).toMatchObject({ offset: 100000, items: [], nextOffset: null });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=1.5', 'offset'],
    ['list=everything', 'list'],
    ['list=', 'list'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const response = await t.request('GET', `/audit/attention?${query}`, { token: supervisor() });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toMatch(new RegExp(`^${field}`));
    expect(response.body.errors).toContainEqual({
      field,
      code: expect.any(String),
      reason: expect.any(String),
    });
  });
});
