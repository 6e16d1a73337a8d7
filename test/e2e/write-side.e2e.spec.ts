import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SEED_PLAN_ID, TestApp } from './support/test-app';

const seedText = readFileSync(join(__dirname, '../../seeds/000_185a200b6ab3317e.txt'), 'utf8');

describe('the write side over HTTP, as a supervisor and department leads use it', () => {
  // Its own store: it starts from an empty store and checks the seed import, which a shared
  // EventStoreDB already holds from other suites running at the same time.
  const t = new TestApp({ ownStore: true });
  const planId = `e2e-${randomBytes(4).toString('hex')}`;
  const admin = () => t.token('admin');
  const supervisor = () => t.token('supervisor', undefined, 'zhang.wei');
  const secondSupervisor = () => t.token('supervisor', undefined, 'wang.fang');
  const leadOf = (unit: string) => t.token('lead', unit, `lead-of-${unit}`);
  // Task 13 (智慧交通) is led by 区建设管理委 and has one target: 智慧道路覆盖率达到80%.
  const taskId = `${planId}-t13`;
  const targetId = `${taskId}-g1`;

  beforeAll(async () => {
    await t.start();
    const imported = await t.request('POST', '/plans', {
      token: admin(),
      body: { text: seedText, planId },
    });
    expect(imported.status).toBe(201);
  });
  afterAll(() => t.stop());

  it('given an empty store, the seed plan is imported once with its 18 tasks, their units and targets', async () => {
    await t.seed();
    await t.seed();
    const plan = await t.request('GET', `/plans/${SEED_PLAN_ID}`, { token: t.token('viewer') });
    expect(plan.status).toBe(200);
    expect(plan.body.tasks).toHaveLength(18);
    expect(
      plan.body.tasks.reduce(
        (n: number, task: { targets: unknown[] }) => n + task.targets.length,
        0,
      ),
    ).toBe(39);
    const task2 = plan.body.tasks.find((task: { no: number }) => task.no === 2);
    expect(task2.leads.map((a: { unit: string }) => a.unit)).toEqual([
      '区数据局',
      '区委网信办',
      '区城运中心',
    ]);
    expect(task2.targets[0]).toMatchObject({ value: 100, comparator: 'gte', unit: '个' });
    const task14 = plan.body.tasks.find((task: { no: number }) => task.no === 14);
    expect(task14.leads).toHaveLength(10);
    expect(task14.leads[0]).toMatchObject({ unit: '华阳路街道', viaGroup: '各街镇' });
    expect((await t.streamEvents(`plan-${SEED_PLAN_ID}`)).length).toBe(1);
  });

  it('POST /plans from text answers with the ids of the tasks and targets and what it could not classify', async () => {
    const again = await t.request('POST', '/plans', {
      token: admin(),
      body: { text: seedText, planId },
    });
    expect(again.status).toBe(409);
    const other = `e2e-${randomBytes(4).toString('hex')}`;
    const imported = await t.request('POST', '/plans', {
      token: admin(),
      body: { text: seedText, planId: other },
    });
    expect(imported.body.tasks).toHaveLength(18);
    expect(imported.body.tasks[12]).toMatchObject({
      taskId: `${other}-t13`,
      targets: [{ targetId: `${other}-t13-g1` }],
    });
    expect(imported.body.unclassified).toEqual([
      expect.objectContaining({ taskNo: 15, fragment: '12件' }),
    ]);
    expect(typeof imported.body.position).toBe('string');
  });

  it('a supervisor assigns a supporting unit and its lead acknowledges; the response carries revision and position', async () => {
    const assigned = await t.request('POST', `/tasks/${taskId}/assignments`, {
      token: supervisor(),
      body: { unit: '区数据局', role: 'supporting', reason: '数据对接' },
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({
      streamId: `task-${taskId}`,
      events: [{ type: 'SupportingUnitAssigned' }],
    });
    expect(assigned.headers.etag).toBe(`"${assigned.body.revision}"`);

    const acknowledged = await t.request(
      'POST',
      `/tasks/${taskId}/assignments/区建设管理委/acknowledgement`,
      { token: leadOf('区建设管理委') },
    );
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.events).toEqual([{ type: 'AssignmentAcknowledged' }]);
    const [ack] = (await t.streamEvents(`task-${taskId}`)).filter(
      (e) => e.type === 'AssignmentAcknowledged',
    );
    expect(ack.metadata).toMatchObject({
      actor: { role: 'lead', unit: '区建设管理委' },
      occurredAt: '2024-06-15T02:00:00.000Z',
      recordedAt: '2024-06-15T02:00:00.000Z',
    });
  });

  it('a lead of another unit gets 403 and the task stream is unchanged', async () => {
    const before = await t.streamEvents(`task-${taskId}`);
    const denied = await t.request(
      'POST',
      `/tasks/${taskId}/assignments/区建设管理委/acknowledgement`,
      { token: leadOf('区教育局') },
    );
    expect(denied.status).toBe(403);
    const milestone = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区教育局'),
      body: { value: 10, asOf: '2024-06-01' },
    });
    expect(milestone.status).toBe(403);
    expect(await t.streamEvents(`task-${taskId}`)).toEqual(before);
  });

  it('anonymous and viewer writes are refused, and nothing is appended', async () => {
    const before = await t.streamEvents(`task-${taskId}`);
    expect(
      (
        await t.request('POST', `/targets/${targetId}/milestones`, {
          body: { value: 1, asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.request('POST', `/targets/${targetId}/milestones`, {
          token: 'not-a-jwt',
          body: { value: 1, asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.request('POST', `/targets/${targetId}/milestones`, {
          token: t.token('viewer'),
          body: { value: 1, asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(403);
    expect(await t.streamEvents(`task-${taskId}`)).toEqual(before);
  });

  it('the lead reports a milestone; a date in the future is refused with 422', async () => {
    const reported = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      body: {
        value: 62.5,
        asOf: '2024-06-14',
        note: '已完成62.5%道路',
        evidence: ['https://oa.example.gov.cn/f/1'],
      },
    });
    expect(reported.status).toBe(201);
    expect(typeof reported.body.milestoneId).toBe('string');
    const future = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      body: { value: 70, asOf: '2024-07-01' },
    });
    expect(future.status).toBe(422);
  });

  it('a lead proposes a lower target; the proposer cannot approve it; a second supervisor approves (four eyes)', async () => {
    const proposed = await t.request('POST', `/targets/${targetId}/revisions`, {
      token: leadOf('区建设管理委'),
      body: { value: 70, reason: '部分道路施工，覆盖推迟', reference: '长建〔2024〕8号' },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.events).toEqual([{ type: 'TargetRevisionProposed' }]);
    const { revisionId } = proposed.body;
    expect(
      (
        await t.request('POST', `/targets/${targetId}/revisions/${revisionId}/approve`, {
          token: leadOf('区建设管理委'),
        })
      ).status,
    ).toBe(403);

    const ownProposal = await t.request('POST', `/targets/${targetId}/revisions`, {
      token: supervisor(),
      body: { dueDate: '2025-01-31', reason: '自查', proposeOnly: true },
    });
    expect(ownProposal.status).toBe(409); // one pending proposal per target at a time

    const approved = await t.request(
      'POST',
      `/targets/${targetId}/revisions/${revisionId}/approve`,
      { token: secondSupervisor() },
    );
    expect(approved.status).toBe(200);
    const [revised] = (await t.streamEvents(`task-${taskId}`)).filter(
      (e) => e.type === 'TargetRevised',
    );
    expect(revised.data).toMatchObject({
      before: { value: 80 },
      after: { value: 70 },
      proposedBy: 'lead-of-区建设管理委',
      approvedBy: 'wang.fang',
      reference: '长建〔2024〕8号',
    });

    const supervisorProposal = await t.request('POST', `/targets/${targetId}/revisions`, {
      token: supervisor(),
      body: { dueDate: '2025-01-31', reason: '自查', proposeOnly: true },
    });
    expect(supervisorProposal.status).toBe(201);
    const self = await t.request(
      'POST',
      `/targets/${targetId}/revisions/${supervisorProposal.body.revisionId}/approve`,
      { token: supervisor() },
    );
    expect(self.status).toBe(403);
    const rejected = await t.request(
      'POST',
      `/targets/${targetId}/revisions/${supervisorProposal.body.revisionId}/reject`,
      { token: secondSupervisor(), body: { reason: '无需延后' } },
    );
    expect(rejected.status).toBe(200);
  });

  it('a stale If-Match gets 409 with the current revision, and appends nothing', async () => {
    const before = await t.streamEvents(`task-${taskId}`);
    const current = before[before.length - 1].revision;
    const stale = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      headers: { 'if-match': `"${current - 1}"` },
      body: { value: 64, asOf: '2024-06-15' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentRevision: current, expectedRevision: current - 1 });
    expect(await t.streamEvents(`task-${taskId}`)).toEqual(before);
    const fresh = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      headers: { 'if-match': `"${current}"` },
      body: { value: 64, asOf: '2024-06-15' },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.revision).toBe(current + 1);
  });

  it('the same Idempotency-Key twice appends once, also across a restart', async () => {
    const send = () =>
      t.request('POST', `/targets/${targetId}/milestones`, {
        token: leadOf('区建设管理委'),
        headers: { 'idempotency-key': 'report-2024-06-15' },
        body: { value: 66, asOf: '2024-06-15' },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const count = (await t.streamEvents(`task-${taskId}`)).length;
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers.etag).toBe(`"${first.body.revision}"`);
    expect(second.headers.etag).toBe(first.headers.etag);
    await t.restart();
    const third = await send();
    expect(third.body).toEqual(first.body);
    expect((await t.streamEvents(`task-${taskId}`)).length).toBe(count);
    const reused = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      headers: { 'idempotency-key': 'report-2024-06-15' },
      body: { value: 99, asOf: '2024-06-15' },
    });
    expect(reused.status).toBe(422);
  });

  it('the same Idempotency-Key sent twice at once appends once, and both get the first answer', async () => {
    const send = () =>
      t.request('POST', `/targets/${targetId}/milestones`, {
        token: leadOf('区建设管理委'),
        headers: { 'idempotency-key': 'report-2024-06-14' },
        body: { value: 67, asOf: '2024-06-14' },
      });
    const before = (await t.streamEvents(`task-${taskId}`)).length;

    const [one, other] = await Promise.all([send(), send()]);

    expect([one.status, other.status]).toEqual([201, 201]);
    expect(other.body).toEqual(one.body);
    const replayed = [one, other].filter((answer) => answer.headers['idempotent-replayed']);
    expect(replayed).toHaveLength(1);
    expect((await t.streamEvents(`task-${taskId}`)).length).toBe(before + 1);
  });

  it('malformed bodies get 400 naming the field, and change nothing', async () => {
    const before = await t.streamEvents(`task-${taskId}`);
    const notANumber = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      body: { value: 'lots', asOf: '2024-06-01' },
    });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'value' })]),
    );
    const badDate = await t.request('POST', `/targets/${targetId}/milestones`, {
      token: leadOf('区建设管理委'),
      body: { value: 1, asOf: '2024-13-01' },
    });
    expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    const unknownField = await t.request('POST', `/tasks/${taskId}/assignments`, {
      token: supervisor(),
      body: { unit: '区数据局', role: 'lead', reason: 'x', extra: 1 },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual([expect.objectContaining({ field: 'extra' })]);
    const missingReason = await t.request('POST', `/tasks/${taskId}/assignments`, {
      token: supervisor(),
      body: { unit: '区数据局', role: 'chief' },
    });
    expect(missingReason.status).toBe(400);
    expect(new Set(missingReason.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['reason', 'role']),
    );
    // The first problem named is the real one: the reason is missing (not "too long").
    expect(missingReason.body).toMatchObject({
      type: 'urn:duty-ledger:problem:validation-failed',
      title: '请求有误',
      status: 400,
      code: 'validation-failed',
      detail: 'reason 为必填项，不能为空',
    });
    expect(missingReason.body.errors).toContainEqual({
      field: 'role',
      code: 'isIn',
      reason: 'role 的取值不在允许范围内',
    });
    const notJson = await t.app.inject({
      method: 'POST',
      url: encodeURI(`/targets/${targetId}/milestones`),
      headers: {
        authorization: `Bearer ${leadOf('区建设管理委')}`,
        'content-type': 'application/json',
      },
      payload: '{"value":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).not.toContain('at ');
    expect(await t.streamEvents(`task-${taskId}`)).toEqual(before);
  });

  it('unknown tasks and targets are 404', async () => {
    expect(
      (
        await t.request('POST', `/targets/${planId}-t99-g1/milestones`, {
          token: leadOf('区建设管理委'),
          body: { value: 1, asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/targets/nonsense/milestones`, {
          token: leadOf('区建设管理委'),
          body: { value: 1, asOf: '2024-06-01' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/plans/no-such-plan`, { token: t.token('viewer') })).status,
    ).toBe(404);
  });
});
