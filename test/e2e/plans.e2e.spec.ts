import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SEED_PLAN_ID, TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/** A small structured plan: one task with two lead units and a target with a baseline. */
const structuredPlan = (planId: string) => ({
  planId,
  title: '测试区2024年度数据治理工作方案',
  year: 2024,
  dueDate: '2024-12-31',
  sections: [
    {
      no: '一',
      title: '夯实基础',
      tasks: [
        {
          no: 1,
          title: '推进数据归集',
          body: '完成数据归集。',
          leads: [{ name: '区数据局' }, { name: '区城运中心' }],
          supporting: [{ name: '各相关单位', group: true }],
          targets: [
            {
              metric: '数据归集率',
              value: 90,
              unit: '%',
              comparator: 'gte',
              kind: 'level',
              measure: 'ratio',
              sourceText: '数据归集率达到90%',
              baseline: { value: 60, date: '2023-12-31' },
            },
          ],
        },
      ],
    },
  ],
});

/** Plans listed, read as of an instant, previewed without registering, withdrawn (issue 9, point 6). */
describe('plans over HTTP', () => {
  // Its own store: it lists every plan and counts them, which suites writing to a shared
  // EventStoreDB at the same time would change in between.
  const t = new TestApp({ ownStore: true });
  const admin = () => t.token('admin', undefined, 'root');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const planId = `e2e-plans-${randomBytes(4).toString('hex')}`;
  const taskId = `${planId}-t01`;
  const targetId = `${taskId}-g1`;
  let position = '';

  beforeAll(async () => {
    await t.start();
    await t.seedAndWait();
  });
  afterAll(() => t.stop());

  it('refuses a plan text that names no year with a Chinese 422 that says what to do', async () => {
    const text = '一、重点任务\n1、加强统筹协调。建立协调机制。(牵头部门:区数据局)\n';
    const response = await t.request('POST', '/plans', { token: admin(), body: { text } });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain('计划文本未写明年度');
    const withYear = await t.request('POST', '/plans?dryRun=true', {
      token: admin(),
      body: { text, year: 2025 },
    });
    expect(withYear.status).toBe(200);
    expect(withYear.body).toMatchObject({ dryRun: true, year: 2025, taskCount: 1 });
  });

  it('previews a plan with dryRun=true: the parse, and nothing registered', async () => {
    const previewId = `e2e-preview-${randomBytes(4).toString('hex')}`;
    const response = await t.request('POST', '/plans?dryRun=true', {
      token: admin(),
      body: { text: seedText, planId: previewId },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      planId: previewId,
      year: 2024,
      taskCount: 18,
      title: expect.stringContaining('2024'),
    });
    expect(response.body.units).toContain('区数据局');
    expect(response.body.units).not.toContain('各相关单位');
    const task2 = response.body.tasks.find((task: { no: number }) => task.no === 2);
    expect(task2.targets[0]).toMatchObject({ value: 100, unit: '个', comparator: 'gte' });
    expect(Array.isArray(response.body.warnings)).toBe(true);
    expect(await t.streamEvents(`plan-${previewId}`)).toEqual([]);
    expect((await t.request('GET', `/plans/${previewId}`, { token: admin() })).status).toBe(404);
    const asLead = await t.request('POST', '/plans?dryRun=true', {
      token: t.token('lead', '区数据局'),
      body: { text: seedText },
    });
    expect(asLead.status).toBe(403);
    expect(
      (await t.request('POST', '/plans?dryRun=maybe', { token: admin(), body: { text: seedText } }))
        .status,
    ).toBe(400);
  });

  it('accepts baseline values in a structured plan', async () => {
    t.clock.set('2024-06-15T02:00:00.000Z');
    const imported = await t.request('POST', '/plans', {
      token: admin(),
      body: structuredPlan(planId),
    });
    expect(imported.status).toBe(201);
    position = imported.body.position;
    const target = await t.request('GET', `/targets/${targetId}?waitFor=${position}`, {
      token: supervisor(),
    });
    expect(target.body.baseline).toEqual({ value: 60, date: '2023-12-31' });
    const bad = structuredPlan(`${planId}-bad`);
    (bad.sections[0].tasks[0].targets[0] as { baseline: unknown }).baseline = { value: 'sixty' };
    const refused = await t.request('POST', '/plans', { token: admin(), body: bad });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('baseline');
  });

  it('lists plans with their counts, as of an instant', async () => {
    const now = await t.request('GET', `/plans?waitFor=${position}`, { token: t.token('viewer') });
    expect(now.status).toBe(200);
    const mine = now.body.items.find((p: { planId: string }) => p.planId === planId);
    expect(mine).toMatchObject({
      title: '测试区2024年度数据治理工作方案',
      year: 2024,
      status: 'registered',
      counts: { tasks: 1, targets: 1, units: 2, obligations: 2 },
    });
    const seed = now.body.items.find((p: { planId: string }) => p.planId === SEED_PLAN_ID);
    expect(seed.counts).toMatchObject({ tasks: 18, targets: 39 });
    const before = await t.request('GET', '/plans?asOf=2024-06-15T01:00:00Z', {
      token: t.token('lead', '区数据局'),
    });
    expect(before.body.items.map((p: { planId: string }) => p.planId)).not.toContain(planId);
  });

  it('shows a plan as of an instant: a later assignment is not in it', async () => {
    t.clock.set('2024-06-20T02:00:00.000Z');
    const assigned = await t.request('POST', `/tasks/${taskId}/assignments`, {
      token: supervisor(),
      body: { unit: '区科委', role: 'supporting', reason: '技术支撑' },
    });
    expect(assigned.status).toBe(201);
    const units = async (asOf?: string) =>
      (
        await t.request('GET', `/plans/${planId}${asOf ? `?asOf=${asOf}` : ''}`, {
          token: supervisor(),
        })
      ).body.units;
    expect(await units()).toContain('区科委');
    expect(await units('2024-06-16')).not.toContain('区科委');
    expect(
      (await t.request('GET', `/plans/${planId}?asOf=2024-06-01`, { token: supervisor() })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/plans/${planId}?asOf=soon`, { token: supervisor() })).status,
    ).toBe(400);
  });

  it('withdraws a plan with a reason: its obligations end, its history stays, its tasks take no more commands', async () => {
    t.clock.set('2024-07-01T02:00:00.000Z');
    const path = `/plans/${planId}/withdrawal`;
    expect(
      (await t.request('POST', path, { token: supervisor(), body: { reason: 'x' } })).status,
    ).toBe(403);
    expect((await t.request('POST', path, { token: admin(), body: {} })).status).toBe(400);
    const withdrawn = await t.request('POST', path, {
      token: admin(),
      body: { reason: '机构调整，方案整体撤销' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ planId, tasks: 1 });
    const wait = `waitFor=${withdrawn.body.position}`;

    const owed = await t.request('GET', `/obligations?planId=${planId}&${wait}`, {
      token: supervisor(),
    });
    expect(owed.body.total).toBe(0);
    const before = await t.request('GET', `/obligations?planId=${planId}&asOf=2024-06-30`, {
      token: supervisor(),
    });
    expect(before.body.total).toBe(3); // two leads and 区科委; 各相关单位 owes nothing
    const history = await t.request('GET', `/targets/${targetId}/history?${wait}`, {
      token: supervisor(),
    });
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['TargetRegistered', 'LeadAssigned', 'TaskWithdrawn']),
    );
    expect(history.body.entries.at(-1)).toMatchObject({ reason: '机构调整，方案整体撤销' });

    const listed = await t.request('GET', `/plans?${wait}`, { token: supervisor() });
    expect(listed.body.items.find((p: { planId: string }) => p.planId === planId)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: '机构调整，方案整体撤销' },
      counts: { tasks: 0, targets: 0, units: 0, obligations: 0 },
    });
    const plan = await t.request('GET', `/plans/${planId}`, { token: supervisor() });
    expect(plan.body).toMatchObject({ status: 'withdrawn', withdrawal: { withdrawnBy: 'root' } });

    const report = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: t.token('lead', '区数据局'),
      body: { value: 70, asOf: '2024-06-30' },
    });
    expect(report.status).toBe(409);
    const again = await t.request('POST', path, { token: admin(), body: { reason: '再次撤销' } });
    expect(again.status).toBe(409);
    expect(
      (
        await t.request('POST', '/plans/no-such-plan/withdrawal', {
          token: admin(),
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});
