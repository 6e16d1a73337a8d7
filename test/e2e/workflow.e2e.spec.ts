import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/**
 * Issue 9, points 1, 2, 4, 5, 10 over HTTP on the seed plan's text: tasks without targets have a
 * lifecycle of their own, lowering a target needs a second supervisor and a 文号, each lead unit
 * reports its own figure, wrong figures are corrected, refusals are readable problems.
 */
describe('the supervision workflow over HTTP', () => {
  const t = new TestApp();
  const planId = `wf-${randomBytes(4).toString('hex')}`;
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const secondSupervisor = () => t.token('supervisor', undefined, 'wang.fang');
  const leadOf = (unit: string) => t.token('lead', unit, `lead-of-${unit}`);
  const read = (path: string, token = supervisor()) =>
    t.request('GET', `${path}${path.includes('?') ? '&' : '?'}waitFor=${lastPosition}`, { token });
  let lastPosition = '0';
  const act = async (
    method: 'POST' | 'DELETE',
    path: string,
    token: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ) => {
    const response = await t.request(method, path, { token, body, headers });
    if (typeof response.body.position === 'string') lastPosition = response.body.position;
    return response;
  };
  // Task 1 (加强统筹协调推进) has no quantified target; 区数据局 leads it.
  const task1 = `${planId}-t01`;
  // Task 2 (完善基础设施建设): its first target (100 个 地下车库) has three lead units.
  const garages = `${planId}-t02-g1`;
  // Task 13: 智慧道路覆盖率达到80%, led by 区建设管理委.
  const roads = `${planId}-t13-g1`;

  beforeAll(async () => {
    await t.start();
    const imported = await t.request('POST', '/plans', {
      token: t.token('admin'),
      body: { text: seedText, planId },
    });
    expect(imported.status).toBe(201);
    lastPosition = imported.body.position;
  });
  afterAll(() => t.stop());

  describe('a task without a quantified target', () => {
    it('is reported on, claimed, sent back, claimed again and verified at task level', async () => {
      const note = await act('POST', `/tasks/${task1}/milestones`, leadOf('区数据局'), {
        asOf: '2024-06-14',
        note: '已召开议事协调机构调整专题会',
        percent: 40,
        evidence: ['https://oa.example.gov.cn/f/t1'],
      });
      expect(note.status).toBe(201);
      expect(typeof note.body.reportId).toBe('string');
      expect(note.body.events).toEqual([{ type: 'TaskProgressReported' }]);

      const claim = { evidence: ['https://oa.example.gov.cn/f/t1-done'], note: '已完成' };
      expect(
        (await act('POST', `/tasks/${task1}/completion`, leadOf('区数据局'), claim)).status,
      ).toBe(201);
      const sentBack = await act('POST', `/tasks/${task1}/completion/send-back`, supervisor(), {
        reason: '缺少成果报告',
      });
      expect(sentBack.status).toBe(200);
      expect(
        (await act('POST', `/tasks/${task1}/completion`, leadOf('区数据局'), claim)).status,
      ).toBe(201);
      expect((await act('POST', `/tasks/${task1}/completion/verify`, supervisor())).status).toBe(
        200,
      );

      const obligations = await read('/units/区数据局/obligations?limit=1000');
      const item = obligations.body.items.find(
        (o: { taskId: string; targetId?: string }) => o.taskId === task1 && !o.targetId,
      );
      expect(item).toMatchObject({ completion: 'verified', status: { light: 'done' } });
    });

    it('takes an extension request at task level, which moves its due date when approved', async () => {
      // Task 3 (构筑数据要素体系) has no quantified target either.
      const task3 = `${planId}-t03`;
      const requested = await act('POST', `/tasks/${task3}/extensions`, leadOf('区数据局'), {
        requestedDueDate: '2025-03-31',
        reason: '需市级部门配合',
      });
      expect(requested.status).toBe(201);
      const approved = await act(
        'POST',
        `/tasks/${task3}/extensions/${requested.body.extensionId}/approve`,
        supervisor(),
        { newDueDate: '2025-02-28' },
      );
      expect(approved.status).toBe(200);
      const obligations = await read('/units/区数据局/obligations?limit=1000');
      const item = obligations.body.items.find(
        (o: { taskId: string; targetId?: string }) => o.taskId === task3 && !o.targetId,
      );
      expect(item).toMatchObject({ dueDate: '2025-02-28', originalDueDate: '2024-12-31' });
    });

    it('refuses task-level acts on a task that has targets, naming why, in Chinese', async () => {
      const refused = await act('POST', `/tasks/${planId}-t02/milestones`, leadOf('区数据局'), {
        asOf: '2024-06-14',
        note: '进展',
      });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: 'urn:duty-ledger:problem:task-has-targets',
        code: 'task-has-targets',
        status: 422,
        title: '不符合业务规则',
        detail: `任务 ${planId}-t02 有量化指标，请针对各指标报送、延期和办结`,
      });
    });
  });

  describe('four eyes', () => {
    it('a single supervisor’s lowering waits as a proposal until a second supervisor approves it with a 文号', async () => {
      const lowered = await act('POST', `/targets/${roads}/revisions`, supervisor(), {
        value: 70,
        reason: '部分路段改造推迟',
      });
      expect(lowered.status).toBe(201);
      expect(lowered.body).toMatchObject({
        outcome: 'proposed',
        events: [{ type: 'TargetRevisionProposed' }],
      });
      const revisionId = lowered.body.revisionId as string;
      expect((await read(`/targets/${roads}`)).body.current.value).toBe(80);

      const own = await act(
        'POST',
        `/targets/${roads}/revisions/${revisionId}/approve`,
        supervisor(),
        {
          reference: '长府办〔2024〕12号',
        },
      );
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('four-eyes');

      const withoutReference = await act(
        'POST',
        `/targets/${roads}/revisions/${revisionId}/approve`,
        secondSupervisor(),
        {},
        { 'accept-language': 'en' },
      );
      expect(withoutReference.status).toBe(422);
      expect(withoutReference.body).toMatchObject({
        code: 'reference-required',
        title: 'Unprocessable Content',
        detail: 'approving a lowering needs a reference (文号)',
      });

      const approved = await act(
        'POST',
        `/targets/${roads}/revisions/${revisionId}/approve`,
        secondSupervisor(),
        { reference: '长府办〔2024〕12号' },
      );
      expect(approved.status).toBe(200);
      const details = await read(`/targets/${roads}`);
      expect(details.body.current.value).toBe(70);
      const history = await read(`/targets/${roads}/history`);
      expect(history.body.entries.at(-1)).toMatchObject({
        type: 'TargetRevised',
        reference: '长府办〔2024〕12号',
        changes: [{ field: 'value', before: 80, after: 70 }],
      });
    });

    it('raising a target applies at once', async () => {
      const raised = await act('POST', `/targets/${roads}/revisions`, supervisor(), {
        value: 75,
        reason: '加快推进',
      });
      expect(raised.body).toMatchObject({
        outcome: 'applied',
        events: [{ type: 'TargetRevised' }],
      });
    });

    it('a value that meets only the lowered target is not done until completion is verified', async () => {
      await act('POST', `/targets/${roads}/milestones`, leadOf('区建设管理委'), {
        value: 76,
        asOf: '2024-06-14',
      });
      const details = await read(`/targets/${roads}`);
      expect(details.body.status).toMatchObject({ metCurrent: true, metOriginal: false });
      expect(details.body.status.light).not.toBe('done');
    });
  });

  describe('reports per unit and corrections', () => {
    let wrongReportId = '';

    it('two lead units report their own figures; the progress is their sum, a supporting unit’s is shown, not counted', async () => {
      const first = await act('POST', `/targets/${garages}/milestones`, leadOf('区数据局'), {
        value: 30,
        asOf: '2024-06-10',
        note: '新增覆盖30个小区',
      });
      expect(first.status).toBe(201);
      expect(first.body.reportId).toBe(first.body.milestoneId);
      wrongReportId = first.body.reportId as string;
      expect(
        (
          await act('POST', `/targets/${garages}/milestones`, leadOf('区委网信办'), {
            value: 25,
            asOf: '2024-06-12',
          })
        ).status,
      ).toBe(201);
      const reports = await read(`/targets/${garages}/reports`);
      expect(reports.status).toBe(200);
      expect(reports.body).toMatchObject({
        rule: 'sum',
        progress: { value: 55, asOf: '2024-06-12' },
      });
      expect(reports.body.reports).toEqual([
        expect.objectContaining({
          reportId: wrongReportId,
          unit: '区数据局',
          value: 30,
          asOf: '2024-06-10',
          note: '新增覆盖30个小区',
          filedBy: 'lead-of-区数据局',
          corrections: [],
        }),
        expect.objectContaining({ unit: '区委网信办', value: 25 }),
      ]);
      expect(reports.body.units).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            unit: '区数据局',
            role: 'lead',
            counted: true,
            latest: expect.objectContaining({ value: 30 }),
          }),
          expect.objectContaining({ unit: '区城运中心', role: 'lead', counted: true }),
        ]),
      );
      const details = await read(`/targets/${garages}`);
      expect(details.body.progress).toMatchObject({ value: 55, rule: 'sum' });
      const listing = await read('/units/区委网信办/obligations?limit=1000');
      const item = listing.body.items.find((o: { targetId?: string }) => o.targetId === garages);
      expect(item.latestReport).toMatchObject({ value: 55 });
    });

    it('a wrong figure is corrected: views use the corrected one, history shows both, asOf before shows what was known', async () => {
      const before = t.clock.now().toISOString();
      t.clock.advance(60_000);
      const corrected = await act(
        'POST',
        `/targets/${garages}/reports/${wrongReportId}/corrections`,
        leadOf('区数据局'),
        { value: 35, reason: '漏报5个小区' },
      );
      expect(corrected.status).toBe(201);
      expect(corrected.body.events).toEqual([{ type: 'ReportCorrected' }]);

      const now = await read(`/targets/${garages}/reports`);
      expect(now.body.progress.value).toBe(60);
      expect(now.body.reports[0]).toMatchObject({
        value: 35,
        originalValue: 30,
        corrections: [
          expect.objectContaining({ previousValue: 30, value: 35, reason: '漏报5个小区' }),
        ],
      });
      const then = await read(`/targets/${garages}/reports?asOf=${before}`);
      expect(then.body.progress.value).toBe(55);
      const history = await read(`/targets/${garages}/history`);
      expect(history.body.entries.at(-1)).toMatchObject({
        type: 'ReportCorrected',
        reason: '漏报5个小区',
        changes: [
          {
            field: 'reportValue',
            before: expect.objectContaining({ value: 30 }),
            after: expect.objectContaining({ value: 35 }),
          },
        ],
      });
      const listing = await read('/units/区数据局/obligations?limit=1000');
      const item = listing.body.items.find((o: { targetId?: string }) => o.targetId === garages);
      expect(item.latestReport).toMatchObject({ value: 60 });
    });

    it('another unit may not correct the report; a missing reason is named as required', async () => {
      const other = await act(
        'POST',
        `/targets/${garages}/reports/${wrongReportId}/corrections`,
        leadOf('区委网信办'),
        { value: 40, reason: '更正' },
      );
      expect(other.status).toBe(403);
      const noReason = await act(
        'POST',
        `/targets/${garages}/reports/${wrongReportId}/corrections`,
        leadOf('区数据局'),
        { value: 40 },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.detail).toBe('reason 为必填项，不能为空');
    });

    it('refuses figures that cannot be right with 422', async () => {
      const negative = await act('POST', `/targets/${garages}/milestones`, leadOf('区数据局'), {
        value: -1,
        asOf: '2024-06-14',
      });
      expect(negative.status).toBe(422);
      expect(negative.body.code).toBe('report-value-negative');
      const over = await act('POST', `/targets/${roads}/milestones`, leadOf('区建设管理委'), {
        value: 101,
        asOf: '2024-06-14',
      });
      expect(over.body).toMatchObject({ status: 422, code: 'report-ratio-over-100' });
      const early = await act('POST', `/targets/${garages}/milestones`, leadOf('区数据局'), {
        value: 1,
        asOf: '2023-12-31',
      });
      expect(early.body).toMatchObject({ status: 422, code: 'report-date-before-plan-year' });
    });

    it('a lead unit that returned its assignment cannot report, and its figure no longer counts', async () => {
      await act('POST', `/targets/${garages}/milestones`, leadOf('区城运中心'), {
        value: 10,
        asOf: '2024-06-13',
      });
      expect((await read(`/targets/${garages}/reports`)).body.progress.value).toBe(70);
      const declined = await act(
        'POST',
        `/tasks/${planId}-t02/assignments/区城运中心/decline`,
        leadOf('区城运中心'),
        { reason: '职责不符' },
      );
      expect(declined.status).toBe(200);
      const refused = await act('POST', `/targets/${garages}/milestones`, leadOf('区城运中心'), {
        value: 12,
        asOf: '2024-06-14',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('unit-declined');
      const reports = await read(`/targets/${garages}/reports`);
      expect(reports.body.progress.value).toBe(60);
      expect(reports.body.units).toContainEqual(
        expect.objectContaining({ unit: '区城运中心', counted: false }),
      );
      const listing = await read('/units/区数据局/obligations?limit=1000');
      const item = listing.body.items.find((o: { targetId?: string }) => o.targetId === garages);
      expect(item.latestReport).toMatchObject({ value: 60 });
    });
  });

  describe('readable errors', () => {
    it('answers in English on Accept-Language: en and names the real problem first', async () => {
      const response = await act(
        'POST',
        `/targets/${roads}/revisions`,
        supervisor(),
        { value: 60 },
        { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' },
      );
      expect(response.status).toBe(400);
      expect(response.headers['content-language']).toBe('en');
      expect(response.body).toMatchObject({
        title: 'Bad Request',
        code: 'validation-failed',
        detail: expect.stringMatching(/^reason/),
      });
      expect(response.body.detail).not.toMatch(/shorter|longer/);
    });

    it('the OpenAPI document describes the problem body, If-Match and Idempotency-Key', async () => {
      const doc = await t.request('GET', '/docs-json');
      expect(doc.status).toBe(200);
      expect(doc.body.components.schemas.Problem.required).toEqual([
        'type',
        'title',
        'status',
        'detail',
        'code',
      ]);
      const correction = doc.body.paths['/targets/{targetId}/reports/{reportId}/corrections'].post;
      expect(correction.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['If-Match', 'Idempotency-Key']),
      );
      expect(correction.responses['422'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
      expect(correction.responses['201'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/CommandResponse',
      });
    });
  });
});
