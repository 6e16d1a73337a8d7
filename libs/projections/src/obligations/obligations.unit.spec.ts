import type Database from 'better-sqlite3';
import type { AssignmentTerms, TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { EventLog, SUPERVISOR, leadActor, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { obligationsProjection } from './obligations.projection';
import { obligations, unitObligations } from './obligations.query';

const TASK = 'p24-t01';
const G1 = 'p24-t01-g1';
const G2 = 'p24-t01-g2';

const terms = (version: number, value = 100): AssignmentTerms => ({
  version,
  dueDate: '2024-12-31',
  leads: ['区数据局'],
  supporting: ['区科委'],
  targets: [
    { targetId: G1, value, comparator: 'gte', unit: '个', dueDate: '2024-12-31' },
    { targetId: G2, value: 80, comparator: 'gte', unit: '%', dueDate: '2024-12-31' },
  ],
});

const acknowledged = (version: number, value?: number): TaskEvent => ({
  type: 'AssignmentAcknowledged',
  schemaVersion: 1,
  data: { taskId: TASK, unit: '区数据局', role: 'lead', terms: terms(version, value) },
});

const reported = (value: number, asOf: string, milestoneId: string): TaskEvent => ({
  type: 'MilestoneReported',
  schemaVersion: 1,
  data: {
    taskId: TASK,
    targetId: G1,
    milestoneId,
    unit: '区数据局',
    value,
    asOf,
    basis: 'in-period',
    evidence: [],
  },
});

const lowered: TaskEvent = {
  type: 'TargetRevised',
  schemaVersion: 1,
  data: {
    taskId: TASK,
    targetId: G1,
    revisionId: 'r1',
    before: { value: 100 },
    after: { value: 80 },
    reason: '受疫情影响调整',
    proposedBy: 'u-区数据局',
    approvedBy: 'u-sup',
  },
};

describe('obligations read model', () => {
  let db: Database.Database;
  let log: EventLog;

  beforeEach(() => {
    db = openReadModelDb(':memory:');
    obligationsProjection.setUp(db);
    log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 1,
          title: '推进移动通信网络覆盖',
          leads: ['区数据局'],
          supporting: ['区科委'],
          targets: [
            { metric: '住宅小区地下车库移动通信网络覆盖', value: 100, unit: '个' },
            { metric: '智慧道路覆盖率', value: 80, unit: '%', kind: 'level', measure: 'ratio' },
          ],
        },
        {
          no: 2,
          title: '深化城市运行数字体征',
          sectionNo: '三',
          sectionTitle: '治理数字化',
          leads: ['区城运中心'],
        },
      ]),
    );
  });

  afterEach(() => db.close());

  const feed = () => project(db, obligationsProjection, log.since(fed.count));
  const fed = { count: 0 };
  beforeEach(() => (fed.count = 0));
  const step = () => {
    feed();
    fed.count = log.events.length;
  };

  it('lists one obligation per unit and target, and one for a task without targets', () => {
    step();
    const asOf = '2024-02-01T00:00:00.000Z';

    const lead = unitObligations(db, '区数据局', { asOf });
    expect(lead.map((o) => [o.targetId, o.role, o.scope, o.acknowledgement.state])).toEqual([
      [G1, 'lead', 'task', 'pending'],
      [G2, 'lead', 'task', 'pending'],
    ]);
    expect(lead[0]).toMatchObject({
      planId: 'p24',
      planTitle: '2024年度工作方案',
      taskNo: 1,
      metric: '住宅小区地下车库移动通信网络覆盖',
      dueDate: '2024-12-31',
      target: { value: 100, comparator: 'gte', unit: '个' },
      originalTarget: { value: 100, comparator: 'gte', unit: '个' },
      completion: 'open',
      leadAcknowledged: false,
    });
    expect(lead[0].latestReport).toBeUndefined();
    expect(lead[0].status.light).toBe('not-acknowledged');

    expect(unitObligations(db, '区科委', { asOf }).map((o) => [o.targetId, o.role])).toEqual([
      [G1, 'supporting'],
      [G2, 'supporting'],
    ]);
    const taskOnly = unitObligations(db, '区城运中心', { asOf });
    expect(taskOnly).toHaveLength(1);
    expect(taskOnly[0]).toMatchObject({ taskId: 'p24-t02', sectionNo: '三', role: 'lead' });
    expect(taskOnly[0].targetId).toBeUndefined();
    expect(taskOnly[0].target).toBeUndefined();
  });

  it('binds an acknowledgement to its terms: a later change of terms reopens it', () => {
    step();
    log.at('2024-01-10T02:00:00.000Z').append([acknowledged(1)], { actor: leadActor('区数据局') });
    step();
    log.at('2024-03-01T02:00:00.000Z').append([lowered], { actor: SUPERVISOR });
    step();

    const afterAck = unitObligations(db, '区数据局', { asOf: '2024-02-01T00:00:00.000Z' });
    expect(afterAck[0].acknowledgement).toMatchObject({
      state: 'acknowledged',
      version: 1,
      answeredAt: '2024-01-10T02:00:00.000Z',
    });
    expect(afterAck[0].leadAcknowledged).toBe(true);
    expect(afterAck[0].target?.value).toBe(100);

    const now = unitObligations(db, '区数据局', { asOf: '2024-03-02T00:00:00.000Z' });
    expect(now[0].acknowledgement).toMatchObject({
      state: 'reopened',
      version: 1,
      owedSince: '2024-03-01T02:00:00.000Z',
    });
    expect(now[0].target?.value).toBe(80);
    expect(now[0].originalTarget?.value).toBe(100);
    expect(now[0].status.light).toBe('not-acknowledged');
    // The supporting unit's own answer was never given: it stays pending.
    expect(
      unitObligations(db, '区科委', { asOf: '2024-03-02T00:00:00.000Z' })[0].acknowledgement.state,
    ).toBe('pending');
  });

  it('records a declined assignment', () => {
    step();
    log.append(
      [
        {
          type: 'AssignmentDeclined',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            unit: '区科委',
            role: 'supporting',
            reason: '不属本单位职责',
            termsVersion: 1,
          },
        },
      ],
      { actor: leadActor('区科委') },
    );
    step();
    expect(
      unitObligations(db, '区科委', { asOf: log.time }).map((o) => o.acknowledgement.state),
    ).toEqual(['declined', 'declined']);
  });

  it('takes the latest report by measurement day, then by recording order, and scores it against both targets', () => {
    step();
    log.at('2024-01-10T02:00:00.000Z').append([acknowledged(1)]);
    log.at('2024-04-02T02:00:00.000Z').append([reported(40, '2024-03-31', 'm1')]);
    log.at('2024-07-02T02:00:00.000Z').append([reported(85, '2024-06-30', 'm2')]);
    // A late correction of March arrives after June's report: it must not hide June's.
    log.at('2024-07-03T02:00:00.000Z').append([reported(42, '2024-03-31', 'm1b')]);
    log.at('2024-07-04T02:00:00.000Z').append([lowered]);
    log.append([acknowledged(2, 80)]);
    step();

    const [april] = unitObligations(db, '区数据局', { asOf: '2024-04-10T00:00:00.000Z' });
    expect(april.latestReport).toMatchObject({ value: 40, asOf: '2024-03-31' });
    expect(april.status.progress).toBeCloseTo(0.4);

    const [july] = unitObligations(db, '区数据局', { asOf: '2024-07-05T00:00:00.000Z' });
    expect(july.latestReport).toMatchObject({ value: 85, asOf: '2024-06-30' });
    // Met only against the lowered target: not done before completion is verified.
    expect(july.status).toMatchObject({ metCurrent: true, metOriginal: false, light: 'on-track' });
  });

  it('answers exactly as recorded at the instant, even between events of one day', () => {
    step();
    const beforeImport = unitObligations(db, '区数据局', { asOf: '2024-01-05T01:59:59.999Z' });
    expect(beforeImport).toEqual([]);
    expect(unitObligations(db, '区数据局', { asOf: '2024-01-05T02:00:00.000Z' })).toHaveLength(2);
  });

  it('reads a calendar day as asOf as the whole of that day, China time', () => {
    step();
    expect(unitObligations(db, '区数据局', { asOf: '2024-01-04' })).toEqual([]);
    expect(unitObligations(db, '区数据局', { asOf: '2024-01-05' })).toHaveLength(2);
    expect(obligations(db, { asOf: '2024-01-05' }).asOf).toBe('2024-01-05T15:59:59.999Z');
  });

  it('moves obligations when a unit is removed or a target-level unit is added', () => {
    step();
    log.at('2024-02-01T00:00:00.000Z').append([
      {
        type: 'AssignmentRemoved',
        schemaVersion: 1,
        data: { taskId: TASK, unit: '区科委', role: 'supporting', reason: '职能调整' },
      },
      {
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId: TASK, targetId: G2, unit: '区建管委', reason: '职能调整' },
      },
    ]);
    step();
    expect(unitObligations(db, '区科委', { asOf: '2024-01-31T00:00:00.000Z' })).toHaveLength(2);
    expect(unitObligations(db, '区科委', { asOf: '2024-02-01T00:00:00.000Z' })).toEqual([]);
    expect(
      unitObligations(db, '区建管委', { asOf: '2024-02-01T00:00:00.000Z' }).map((o) => [
        o.targetId,
        o.scope,
      ]),
    ).toEqual([[G2, 'target']]);
  });

  it('pages by due date with a total and filters by light, plan and due date', () => {
    step();
    const asOf = '2024-02-01T00:00:00.000Z';
    const first = obligations(db, { asOf, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const last = obligations(db, { asOf, limit: 2, offset: 4 });
    expect(last.items).toHaveLength(1);
    expect(last.nextOffset).toBeNull();

    const all = obligations(db, { asOf, limit: 10 }).items;
    expect(all.map((o) => o.dueDate)).toEqual([...all.map((o) => o.dueDate)].sort());

    const notAcked = obligations(db, { asOf, status: 'not-acknowledged', limit: 2, offset: 1 });
    expect(notAcked.total).toBe(5);
    expect(notAcked.items).toHaveLength(2);
    expect(obligations(db, { asOf, status: 'done' }).total).toBe(0);
    expect(obligations(db, { asOf, planId: 'other' }).total).toBe(0);
    expect(obligations(db, { asOf, dueBefore: '2024-12-31' }).total).toBe(0);
    expect(obligations(db, { asOf, dueBefore: '2025-01-01', unit: '区科委' }).total).toBe(2);
  });
});
