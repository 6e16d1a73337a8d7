import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/**
 * One target's life, step by step on a moving clock, then every view read back — now and as of
 * each moment between the steps. Task 13 (智慧交通): 区建设管理委 leads; its one target is
 * 智慧道路覆盖率达到80%.
 */
describe('the read side over HTTP: obligations, history, audit feed, dashboard, time travel', () => {
  const t = new TestApp();
  const planId = `e2e-${randomBytes(4).toString('hex')}`;
  const taskId = `${planId}-t13`;
  const targetId = `${taskId}-g1`;
  const lead = () => t.token('lead', '区建设管理委', 'chen.lei');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const secondSupervisor = () => t.token('supervisor', undefined, 'wang.fang');
  const viewer = () => t.token('viewer');
  const moments: Record<string, string> = {};
  let lastPosition = '';

  async function at(
    instant: string,
    label: string,
    act: () => Promise<{ status: number; body: any }>,
  ) {
    t.clock.set(instant);
    const response = await act();
    expect([200, 201]).toContain(response.status);
    lastPosition = String(response.body.position);
    moments[label] = instant;
    return response;
  }

  const read = (path: string, asOf?: string, token = viewer()) =>
    t.request(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}${asOf ? `&asOf=${asOf}` : ''}`,
      { token },
    );

  const obligationOf = async (unit: string, asOf?: string) => {
    const response = await read(`/units/${unit}/obligations`, asOf);
    expect(response.status).toBe(200);
    return response.body.items.find((o: { targetId?: string }) => o.targetId === targetId);
  };

  beforeAll(async () => {
    await t.start();
    await at('2024-03-01T01:00:00.000Z', 'imported', () =>
      t.request('POST', '/plans', { token: t.token('admin'), body: { text: seedText, planId } }),
    );
    await at('2024-03-05T01:00:00.000Z', 'supportAssigned', () =>
      t.request('POST', `/targets/${targetId}/assignments`, {
        token: supervisor(),
        body: { unit: '区数据局', role: 'supporting', reason: '停车数据对接' },
      }),
    );
    await at('2024-03-06T01:00:00.000Z', 'acknowledged', () =>
      t.request('POST', `/tasks/${taskId}/assignments/区建设管理委/acknowledgement`, {
        token: lead(),
      }),
    );
    await at('2024-07-01T01:00:00.000Z', 'reportedHalf', () =>
      t.request('POST', `/targets/${targetId}/milestones`, {
        token: lead(),
        body: { value: 50, asOf: '2024-06-30', note: '上半年覆盖50%' },
      }),
    );
    const proposal = await at('2024-07-02T01:00:00.000Z', 'proposed', () =>
      t.request('POST', `/targets/${targetId}/revisions`, {
        token: lead(),
        body: { value: 70, reason: '部分路段施工', reference: '长建〔2024〕8号' },
      }),
    );
    await at('2024-07-03T01:00:00.000Z', 'revised', () =>
      t.request('POST', `/targets/${targetId}/revisions/${proposal.body.revisionId}/approve`, {
        token: secondSupervisor(),
      }),
    );
    const extension = await at('2024-11-01T01:00:00.000Z', 'extensionRequested', () =>
      t.request('POST', `/targets/${targetId}/extensions`, {
        token: lead(),
        body: { requestedDueDate: '2025-03-31', reason: '设备到货延迟' },
      }),
    );
    await at('2024-11-02T01:00:00.000Z', 'extended', () =>
      t.request('POST', `/targets/${targetId}/extensions/${extension.body.extensionId}/approve`, {
        token: supervisor(),
        body: { newDueDate: '2025-02-28' },
      }),
    );
    await at('2025-01-10T01:00:00.000Z', 'reportedDone', () =>
      t.request('POST', `/targets/${targetId}/milestones`, {
        token: lead(),
        body: { value: 72, asOf: '2025-01-10' },
      }),
    );
    await at('2025-01-15T01:00:00.000Z', 'claimed', () =>
      t.request('POST', `/targets/${targetId}/completion`, {
        token: lead(),
        body: { evidence: ['https://oa.example.gov.cn/f/acceptance.pdf'] },
      }),
    );
    await at('2025-01-20T01:00:00.000Z', 'verified', () =>
      t.request('POST', `/targets/${targetId}/completion/verify`, {
        token: supervisor(),
        body: { note: '同意销号' },
      }),
    );
    t.clock.set('2025-02-01T01:00:00.000Z');
  });
  afterAll(() => t.stop());

  it('the lead unit sees what it owes now: current and original target, latest report, acknowledgement, status', async () => {
    const o = await obligationOf('区建设管理委');
    expect(o).toMatchObject({
      role: 'lead',
      taskNo: 13,
      metric: expect.stringContaining('智慧道路覆盖率'),
      target: { value: 70, comparator: 'gte', unit: '%' },
      originalTarget: { value: 80, comparator: 'gte', unit: '%' },
      dueDate: '2025-02-28',
      originalDueDate: '2024-12-31',
      latestReport: { value: 72, asOf: '2025-01-10' },
      completion: 'verified',
      deadlineMoves: 1,
    });
    // The revision and the extension changed the terms after the acknowledgement.
    expect(o.acknowledgement).toMatchObject({ state: 'reopened', version: 1 });
    expect(o.status).toMatchObject({
      light: 'done',
      ruleSetId: expect.any(String),
      ruleSetVersion: expect.any(Number),
      metCurrent: true,
      metOriginal: false,
    });
  });

  it('as of moments between the steps, each view shows exactly what was recorded by then', async () => {
    expect(await obligationOf('区数据局', moments.imported)).toBeUndefined();
    expect(await obligationOf('区数据局', moments.supportAssigned)).toMatchObject({
      role: 'supporting',
      scope: 'target',
    });

    const beforeAck = await obligationOf('区建设管理委', moments.supportAssigned);
    expect(beforeAck.acknowledgement.state).toBe('pending');
    const afterReport = await obligationOf('区建设管理委', moments.reportedHalf);
    expect(afterReport).toMatchObject({
      target: { value: 80 },
      dueDate: '2024-12-31',
      latestReport: { value: 50, asOf: '2024-06-30' },
      completion: 'open',
    });
    expect(afterReport.acknowledgement).toMatchObject({ state: 'acknowledged', version: 1 });

    const proposedOnly = await obligationOf('区建设管理委', moments.proposed);
    expect(proposedOnly.target.value).toBe(80);
    const revised = await obligationOf('区建设管理委', moments.revised);
    expect(revised.target.value).toBe(70);
    expect(revised.acknowledgement.state).toBe('reopened');
    expect((await obligationOf('区建设管理委', moments.extended)).dueDate).toBe('2025-02-28');
    expect((await obligationOf('区建设管理委', moments.claimed)).completion).toBe('claimed');

    const oneMsBeforeImport = new Date(Date.parse(moments.imported) - 1).toISOString();
    expect((await read(`/targets/${targetId}`, oneMsBeforeImport)).status).toBe(404);
    const detailsMidYear = await read(`/targets/${targetId}`, moments.reportedHalf);
    expect(detailsMidYear.status).toBe(200);
  });

  it('the history lists every event that touched the target, in order, with actor, reason and before/after', async () => {
    const history = await read(`/targets/${targetId}/history`);
    expect(history.status).toBe(200);
    const types = history.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'TargetRegistered',
        'SupportingUnitAssigned',
        'MilestoneReported',
        'TargetRevisionProposed',
        'TargetRevised',
        'DeadlineExtensionRequested',
        'DeadlineExtensionApproved',
        'CompletionClaimed',
        'CompletionVerified',
      ]),
    );
    expect(types.indexOf('TargetRevisionProposed')).toBeLessThan(types.indexOf('TargetRevised'));
    const revised = history.body.entries.find((e: { type: string }) => e.type === 'TargetRevised');
    expect(revised).toMatchObject({
      actor: { id: 'wang.fang', role: 'supervisor' },
      reason: '部分路段施工',
      reference: '长建〔2024〕8号',
      recordedAt: moments.revised,
    });
    expect(revised.changes).toContainEqual(
      expect.objectContaining({ field: 'value', before: 80, after: 70 }),
    );
    const extended = history.body.entries.find(
      (e: { type: string }) => e.type === 'DeadlineExtensionApproved',
    );
    expect(extended.changes).toContainEqual(
      expect.objectContaining({ field: 'dueDate', before: '2024-12-31', after: '2025-02-28' }),
    );

    const asOfMidYear = await read(`/targets/${targetId}/history`, moments.reportedHalf);
    expect(asOfMidYear.body.entries.map((e: { type: string }) => e.type)).not.toContain(
      'TargetRevised',
    );
  });

  it("the supervisor's audit feed shows the lowered target and the moved deadline with proposer and approver", async () => {
    const lowered = await read(
      `/audit/target-changes?kind=lowered&planId=${planId}`,
      undefined,
      supervisor(),
    );
    expect(lowered.status).toBe(200);
    expect(lowered.body.items).toHaveLength(1);
    expect(lowered.body.items[0]).toMatchObject({
      kind: 'lowered',
      targetId,
      previous: { value: 80 },
      next: { value: 70 },
      original: { value: 80 },
      proposedBy: { id: 'chen.lei', unit: '区建设管理委' },
      approvedBy: { id: 'wang.fang' },
      reason: '部分路段施工',
    });
    const moved = await read(
      `/audit/target-changes?kind=deadline-moved&planId=${planId}`,
      undefined,
      supervisor(),
    );
    expect(moved.body.items).toEqual([
      expect.objectContaining({ previous: '2024-12-31', next: '2025-02-28' }),
    ]);
    const beforeRevision = await read(
      `/audit/target-changes?kind=lowered&planId=${planId}`,
      moments.proposed,
      supervisor(),
    );
    expect(beforeRevision.body.items).toEqual([]);
    const badKind = await read(`/audit/target-changes?kind=sideways`, undefined, supervisor());
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('kind');
  });

  it('the dashboard and the paginated obligations agree with the events; exports carry Chinese headers', async () => {
    const summary = await read(`/dashboard/summary?planId=${planId}`);
    expect(summary.status).toBe(200);
    const page = await read(`/obligations?planId=${planId}&unit=区建设管理委&limit=1`);
    expect(page.body).toMatchObject({ total: expect.any(Number), limit: 1, offset: 0 });
    expect(page.body.items).toHaveLength(1);
    const csv = await t.request('GET', `/obligations.csv?planId=${planId}&unit=区建设管理委`, {
      token: viewer(),
    });
    expect(csv.status).toBe(200);
    expect(csv.raw.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.raw.body).toContain('单位');
    expect(csv.raw.body).toContain('区建设管理委');
    const xlsx = await t.request('GET', `/audit/target-changes.xlsx?planId=${planId}`, {
      token: supervisor(),
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('reads need a token; a bad asOf is a 400 naming the field', async () => {
    expect((await t.request('GET', `/units/区建设管理委/obligations`)).status).toBe(401);
    const bad = await t.request('GET', `/units/区建设管理委/obligations?asOf=yesterday`, {
      token: viewer(),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
  });
});
