import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

/**
 * The approvals queue and what history says of requests (issue 9, point 3), on the seed plan
 * under a fresh id: 区建设管理委 leads task 13 (智慧道路覆盖率 80%), 东虹办 task 5.
 */
describe('pending work over HTTP: GET /approvals', () => {
  const t = new TestApp();
  const planId = `e2e-ap-${randomBytes(4).toString('hex')}`;
  const roads = `${planId}-t13-g1`;
  const hub = `${planId}-t05-g1`;
  const roadsLead = () => t.token('lead', '区建设管理委', 'chen.lei');
  const hubLead = () => t.token('lead', '东虹办', 'zhou.min');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const approver = () => t.token('supervisor', undefined, 'wang.fang');
  const moments: Record<string, string> = {};
  let position = '';

  async function act(
    instant: string,
    label: string,
    method: 'POST' | 'DELETE',
    url: string,
    token: string,
    body?: unknown,
  ) {
    t.clock.set(instant);
    const response = await t.request(method, url, { token, body });
    expect([200, 201]).toContain(response.status);
    position = String(response.body.position);
    moments[label] = instant;
    return response;
  }
  const queue = (query = '', token = supervisor()) =>
    t.request('GET', `/approvals?planId=${planId}&waitFor=${position}${query}`, { token });

  beforeAll(async () => {
    await t.start();
    await act('2024-03-01T01:00:00.000Z', 'imported', 'POST', '/plans', t.token('admin'), {
      text: seedText,
      planId,
    });
  });
  afterAll(() => t.stop());

  it('lists a lead’s revision proposal with the proposed and current terms: who asked, when, why', async () => {
    const proposal = await act(
      '2024-07-02T01:00:00.000Z',
      'proposed',
      'POST',
      `/targets/${roads}/revisions`,
      t.token('lead', '区建设管理委', 'chen.lei'),
      {
        value: 70,
        reason: '部分路段施工',
        reference: '长建〔2024〕8号',
      },
    );
    const answer = await queue();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 1, limit: 50, offset: 0, nextOffset: null });
    expect(answer.body.items[0]).toEqual({
      kind: 'revision',
      planId,
      taskId: `${planId}-t13`,
      taskNo: 13,
      taskTitle: '推进智慧交通建设',
      targetId: roads,
      metric: '全区智慧道路覆盖率',
      requestId: proposal.body.revisionId,
      unit: '区建设管理委',
      requestedBy: { id: 'chen.lei' },
      requestedAt: '2024-07-02T01:00:00.000Z',
      waitingDays: 0,
      reason: '部分路段施工',
      proposed: { value: 70 },
      current: { value: 80 },
    });
  });

  it('lists extension requests with the requested date, completion claims and declines', async () => {
    await act(
      '2024-07-03T01:00:00.000Z',
      'extension',
      'POST',
      `/targets/${roads}/extensions`,
      roadsLead(),
      {
        requestedDueDate: '2025-03-31',
        reason: '施工受汛期影响',
      },
    );
    await act(
      '2024-07-04T01:00:00.000Z',
      'acknowledged',
      'POST',
      `/tasks/${planId}-t05/assignments/东虹办/acknowledgement`,
      hubLead(),
    );
    await act(
      '2024-07-05T01:00:00.000Z',
      'claimed',
      'POST',
      `/targets/${hub}/completion`,
      hubLead(),
      {
        evidence: ['https://example.gov.cn/report.pdf'],
        note: '已集聚企业1900家',
      },
    );
    await act(
      '2024-07-06T01:00:00.000Z',
      'declined',
      'POST',
      `/tasks/${planId}-t05/assignments/区商务委/decline`,
      t.token('lead', '区商务委', 'sun.li'),
      {
        reason: '不属于本单位职责',
      },
    );

    const all = await queue();
    expect(all.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'revision',
      'extension',
      'completion',
      'decline',
    ]);
    expect(all.body.items[1]).toMatchObject({
      unit: '区建设管理委',
      requestedDueDate: '2025-03-31',
      current: { dueDate: '2024-12-31' },
      reason: '施工受汛期影响',
    });
    expect(all.body.items[2]).toMatchObject({
      targetId: hub,
      unit: '东虹办',
      reason: '已集聚企业1900家',
    });
    expect(all.body.items[3]).toMatchObject({
      kind: 'decline',
      unit: '区商务委',
      requestedBy: { id: 'sun.li' },
      reason: '不属于本单位职责',
    });
    expect((await queue('&kind=extension')).body.total).toBe(1);
    expect((await queue('&unit=东虹办')).body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'completion',
    ]);
    expect((await queue('&limit=2&offset=2')).body).toMatchObject({ total: 4, nextOffset: null });
    expect((await queue(`&asOf=${moments.proposed}`)).body.total).toBe(1);
    expect((await queue('&kind=maybe')).status).toBe(400);
  });

  it('is for supervisors and admins', async () => {
    expect((await queue('', roadsLead())).status).toBe(403);
    expect((await queue('', t.token('viewer'))).status).toBe(403);
    expect((await queue('', t.token('admin'))).status).toBe(200);
  });

  it('drops what is decided, and history names what was asked for and who proposed and approved', async () => {
    const proposed = (await queue('&kind=revision')).body.items[0];
    await act(
      '2024-07-10T01:00:00.000Z',
      'approved',
      'POST',
      `/targets/${roads}/revisions/${proposed.requestId}/approve`,
      approver(),
      { reference: '长数转办〔2024〕3号' },
    );
    expect((await queue('&kind=revision')).body.total).toBe(0);
    expect((await queue(`&kind=revision&asOf=${moments.extension}`)).body.total).toBe(1);

    const history = await t.request('GET', `/targets/${roads}/history?waitFor=${position}`, {
      token: supervisor(),
    });
    const entry = (type: string) =>
      history.body.entries.find((e: { type: string }) => e.type === type);
    expect(entry('TargetRevisionProposed').details).toMatchObject({
      revisionId: proposed.requestId,
      proposedBy: 'chen.lei',
      proposedByUnit: '区建设管理委',
      changes: { value: 70 },
    });
    expect(entry('DeadlineExtensionRequested').details).toMatchObject({
      requestedDueDate: '2025-03-31',
      currentDueDate: '2024-12-31',
    });
    expect(entry('TargetRevised').details).toMatchObject({
      revisionId: proposed.requestId,
      proposedBy: 'chen.lei',
      approvedBy: 'wang.fang',
    });
  });

  it('puts declines and decisions waiting longer than approvalDays on the attention lists', async () => {
    const attention = (query: string) =>
      t.request('GET', `/audit/attention?planId=${planId}&asOf=2024-07-13T02:00:00Z${query}`, {
        token: supervisor(),
      });
    const lists = await attention('');
    expect(lists.body.declined.items.map((i: { unit: string }) => i.unit)).toEqual(['区商务委']);
    // The extension (10 days) and the claim (8 days) wait longer than 7 days.
    expect(lists.body.awaitingDecision.items.map((i: { kind: string }) => i.kind)).toEqual([
      'extension',
      'completion',
    ]);
    const patient = await attention('&approvalDays=9&list=awaitingDecision');
    expect(patient.body.awaitingDecision.items.map((i: { kind: string }) => i.kind)).toEqual([
      'extension',
    ]);
    expect(patient.body.declined).toBeUndefined();
  });
});
