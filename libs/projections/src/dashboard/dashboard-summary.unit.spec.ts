import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { obligationsProjection } from '../obligations/obligations.projection';
import { EventLog, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { dashboardSummary } from './dashboard-summary.query';

const report = (
  taskId: string,
  targetId: string,
  unit: string,
  value: number,
  asOf: string,
): TaskEvent => ({
  type: 'MilestoneReported',
  schemaVersion: 1,
  data: {
    taskId,
    targetId,
    milestoneId: `${targetId}-${asOf}`,
    unit,
    value,
    asOf,
    basis: 'in-period',
    evidence: [],
  },
});

describe('dashboard summary', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = openReadModelDb(':memory:');
    obligationsProjection.setUp(db);
    const log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 1,
          title: '网络覆盖',
          leads: ['区数据局'],
          supporting: ['区科委'],
          targets: [
            { metric: '车库覆盖', value: 100, unit: '个' },
            { metric: '带宽', value: 400, unit: 'Mbps', comparator: 'gt' },
          ],
        },
        {
          no: 2,
          title: '数字企业',
          leads: ['区商务委'],
          targets: [{ metric: '企业', value: 50, unit: '家', dueDate: '2024-06-30' }],
        },
        {
          no: 3,
          title: '城运体征',
          sectionNo: '三',
          sectionTitle: '治理数字化',
          leads: ['区城运中心'],
          supporting: ['区科委'],
        },
      ]),
    );
    log
      .at('2024-03-01T02:00:00.000Z')
      .append([
        report('p24-t01', 'p24-t01-g1', '区数据局', 100, '2024-02-29'),
        report('p24-t02', 'p24-t02-g1', '区商务委', 20, '2024-02-29'),
      ]);
    project(db, obligationsProjection, log.events);
  });

  afterAll(() => db.close());

  it('counts lights per plan, section and unit, with the share of targets met and the overdue', () => {
    const summary = dashboardSummary(db, 'p24', { asOf: '2024-07-15T00:00:00.000Z' });
    expect(summary.ruleSet).toEqual({ id: 'default', version: 2 });
    expect(summary.lights).toEqual(['done', 'overdue', 'not-acknowledged', 'at-risk', 'on-track']);
    expect(summary.plan).toEqual({
      total: 4,
      byLight: { done: 1, overdue: 1, 'not-acknowledged': 2, 'at-risk': 0, 'on-track': 0 },
      targets: 3,
      met: 1,
      shareMet: 1 / 3,
      overdue: 1,
    });
    expect(summary.sections.map((s) => [s.sectionNo, s.sectionTitle, s.total, s.targets])).toEqual([
      ['二', '推进数字化转型', 3, 3],
      ['三', '治理数字化', 1, 0],
    ]);
    expect(summary.sections[1].shareMet).toBeNull();
    const byUnit = Object.fromEntries(summary.units.map((u) => [u.unit, u]));
    expect(byUnit['区科委']).toMatchObject({ total: 3, targets: 2, met: 1, overdue: 0 });
    expect(byUnit['区商务委']).toMatchObject({ total: 1, overdue: 1, byLight: { overdue: 1 } });
  });

  it('answers as of an earlier instant', () => {
    const summary = dashboardSummary(db, 'p24', { asOf: '2024-02-01T00:00:00.000Z' });
    expect(summary.plan).toMatchObject({
      total: 4,
      met: 0,
      overdue: 0,
      byLight: { 'not-acknowledged': 4 },
    });
    expect(dashboardSummary(db, 'p24', { asOf: '2024-01-01T00:00:00.000Z' }).plan.total).toBe(0);
  });
});
