import type Database from 'better-sqlite3';
import type { AssignmentTerms, TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { obligationsProjection } from '../obligations/obligations.projection';
import { targetChangesProjection } from '../target-changes/target-changes.projection';
import { approvalsProjection } from '../approvals/approvals.projection';
import { EventLog, SUPERVISOR, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { attention } from './attention.query';

const T1 = 'p24-t01';
const G1 = 'p24-t01-g1';
const T2 = 'p24-t02';
const G2 = 'p24-t02-g1';

const ack = (taskId: string, unit: string, terms: Partial<AssignmentTerms> = {}): TaskEvent => ({
  type: 'AssignmentAcknowledged',
  schemaVersion: 1,
  data: {
    taskId,
    unit,
    role: 'lead',
    terms: {
      version: 1,
      dueDate: '2024-12-31',
      leads: [unit],
      supporting: [],
      targets: [],
      ...terms,
    },
  },
});
const extend = (n: number, from: string, to: string): TaskEvent => ({
  type: 'DeadlineExtensionApproved',
  schemaVersion: 1,
  data: {
    taskId: T2,
    targetId: G2,
    extensionId: `x${n}`,
    approvedBy: 'u-sup',
    previousDueDate: from,
    newDueDate: to,
  },
});
const lower = (revisionId: string, from: number, to: number): TaskEvent => ({
  type: 'TargetRevised',
  schemaVersion: 1,
  data: {
    taskId: T1,
    targetId: G1,
    revisionId,
    before: { value: from },
    after: { value: to },
    reason: '调整',
    proposedBy: 'u-区数据局',
    approvedBy: 'u-sup',
  },
});

describe('attention list', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = openReadModelDb(':memory:');
    obligationsProjection.setUp(db);
    targetChangesProjection.setUp(db);
    approvalsProjection.setUp(db);
    const log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 1,
          title: '网络覆盖',
          leads: ['区数据局'],
          targets: [{ metric: '车库覆盖', value: 100, unit: '个' }],
        },
        {
          no: 2,
          title: '数字企业',
          leads: ['区商务委'],
          supporting: ['区投促办'],
          targets: [{ metric: '企业', value: 50, unit: '家' }],
        },
      ]),
    );
    log.at('2024-01-08T02:00:00.000Z').append([ack(T1, '区数据局')]);
    log
      .at('2024-05-01T02:00:00.000Z')
      .append([extend(1, '2024-12-31', '2025-01-31')], { actor: SUPERVISOR });
    log.at('2024-06-01T02:00:00.000Z').append([lower('r1', 100, 90)], { actor: SUPERVISOR });
    log
      .at('2024-08-01T02:00:00.000Z')
      .append([extend(2, '2025-01-31', '2025-02-28')], { actor: SUPERVISOR });
    log.at('2024-09-20T02:00:00.000Z').append([
      {
        type: 'MilestoneReported',
        schemaVersion: 1,
        data: {
          taskId: T1,
          targetId: G1,
          milestoneId: 'm1',
          unit: '区数据局',
          value: 50,
          asOf: '2024-09-15',
          basis: 'in-period',
          evidence: [],
        },
      },
    ]);
    // 2024-10-01 in Shanghai begins at 2024-09-30T16:00Z.
    log.at('2024-09-30T15:00:00.000Z').append([lower('r2', 90, 85)], { actor: SUPERVISOR });
    log.at('2024-10-09T02:00:00.000Z').append([lower('r3', 85, 80)], { actor: SUPERVISOR });
    project(db, obligationsProjection, log.events);
    project(db, targetChangesProjection, log.events);
    project(db, approvalsProjection, log.events);
  });

  afterAll(() => db.close());

  const now = '2024-10-10T00:00:00.000Z';

  it('lists assignments owed an answer for more than N days, once per assignment', () => {
    const list = attention(db, { now });
    expect(
      list.unacknowledged?.items.map((a) => [
        a.unit,
        a.role,
        a.taskId,
        a.acknowledgement,
        a.owedSince,
      ]),
    ).toEqual([
      ['区商务委', 'lead', T2, 'pending', '2024-01-05T02:00:00.000Z'],
      ['区投促办', 'supporting', T2, 'pending', '2024-01-05T02:00:00.000Z'],
      // Reopened by the first lowering; later ones do not restart the clock.
      ['区数据局', 'lead', T1, 'reopened', '2024-06-01T02:00:00.000Z'],
    ]);
    expect(list.unacknowledged?.items[0].days).toBe(278);
    expect(
      attention(db, { now: '2024-06-05T00:00:00.000Z' }).unacknowledged?.items.map((a) => a.unit),
    ).toEqual(['区商务委', '区投促办']);
  });

  it('lists targets nobody has reported on for N days', () => {
    expect(
      attention(db, { now }).noRecentReport?.items.map((t) => [
        t.targetId,
        t.leads,
        t.lastReportedAt ?? null,
      ]),
    ).toEqual([[G2, ['区商务委'], null]]);
    expect(
      attention(db, { now, noReportDays: 10 }).noRecentReport?.items.map((t) => [
        t.targetId,
        t.lastReportedAt ?? null,
      ]),
    ).toEqual([
      [G2, null],
      [G1, '2024-09-20T02:00:00.000Z'],
    ]);
  });

  it('lists deadlines moved more than once', () => {
    expect(attention(db, { now }).deadlineMovedRepeatedly?.items).toEqual([
      {
        planId: 'p24',
        taskId: T2,
        taskNo: 2,
        taskTitle: '数字企业',
        targetId: G2,
        metric: '企业',
        moves: 2,
        originalDueDate: '2024-12-31',
        dueDate: '2025-02-28',
      },
    ]);
    expect(
      attention(db, { now: '2024-07-01T00:00:00.000Z' }).deadlineMovedRepeatedly?.items,
    ).toEqual([]);
  });

  it('lists targets lowered late in the plan year (China time)', () => {
    expect(attention(db, { now }).loweredLate?.items.map((c) => [c.previous, c.next])).toEqual([
      [
        { value: 85, comparator: 'gte', unit: '个' },
        { value: 80, comparator: 'gte', unit: '个' },
      ],
    ]);
    // Latest first: the lowering not yet seen heads the list.
    expect(attention(db, { now, lateFrom: '06-01' }).loweredLate?.items.map((c) => c.next)).toEqual(
      [{ value: 80 }, { value: 85 }, { value: 90 }].map(expect.objectContaining),
    );
  });

  it('pages each list: its total, at most limit items from offset, and where the next page starts', () => {
    const whole = attention(db, { now }).unacknowledged;
    expect(whole).toMatchObject({ total: 3, limit: 50, offset: 0, nextOffset: null });
    const first = attention(db, { now, limit: 2 }).unacknowledged;
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0, nextOffset: 2 });
    const second = attention(db, { now, limit: 2, offset: 2 }).unacknowledged;
    expect(second).toMatchObject({ total: 3, limit: 2, offset: 2, nextOffset: null });
    expect([...(first?.items ?? []), ...(second?.items ?? [])]).toEqual(whole?.items);
    // Past the end: no items, and still the total.
    expect(attention(db, { now, offset: 7 }).unacknowledged).toEqual({
      total: 3,
      limit: 50,
      offset: 7,
      nextOffset: null,
      items: [],
    });
    expect(attention(db, { now, unit: '无此单位' }).unacknowledged).toMatchObject({
      total: 0,
      items: [],
    });
  });

  it('answers one list alone when asked', () => {
    const list = attention(db, { now, noReportDays: 10, list: 'noRecentReport', offset: 1 });
    expect(Object.keys(list)).toEqual(['now', 'parameters', 'noRecentReport']);
    expect(list.noRecentReport?.items.map((t) => t.targetId)).toEqual([G1]);
    expect(list.noRecentReport?.total).toBe(2);
  });

  it('narrows to one unit', () => {
    const list = attention(db, { now, unit: '区数据局', noReportDays: 10 });
    expect(list.unacknowledged?.items.map((a) => a.unit)).toEqual(['区数据局']);
    expect(list.noRecentReport?.items.map((t) => t.targetId)).toEqual([G1]);
    expect(list.deadlineMovedRepeatedly?.items).toEqual([]);
    expect(list.loweredLate?.items).toHaveLength(1);
  });
});
