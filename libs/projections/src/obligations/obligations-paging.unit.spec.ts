import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { targetIdOf, taskIdOf } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { EventLog, leadActor, project } from '../testing/event-log';
import { planImport, type FixtureTask } from '../testing/plan-fixture';
import { DEFAULT_RULE_SET, lightsOf } from '../status/rule-set';
import { obligations, listObligations, type ObligationFilter } from './obligations.query';
import { obligationsProjection } from './obligations.projection';

/**
 * A page is read by key (sorted and sliced on narrow columns, lights computed from narrow rows)
 * and only its rows are read in full; the whole list is read and assessed at once. Both must give
 * the same answer: every page, concatenated, is the whole list, item for item, with the same total.
 */

const UNITS = ['区数据局', '区科委', '区城运中心', '区建管委', '区发改委', '区财政局', '区教育局'];
const DUE = ['2024-03-31', '2024-06-30', '2024-06-30', '2024-09-30', '2024-12-31', '2024-12-31'];
const PLANS = ['p24a', 'p24b', 'p24c', 'p25a'];

/** Tasks with repeated due dates and units, so the order depends on every key of the listing. */
function tasksOf(p: number): FixtureTask[] {
  return Array.from({ length: 7 }, (_, t): FixtureTask => {
    const lead = UNITS[(p + t) % UNITS.length];
    const supporting = UNITS.filter((u, i) => u !== lead && (i + t + p) % 3 === 0);
    return {
      no: t + 1,
      title: `任务${t + 1}`,
      sectionNo: t < 4 ? '一' : '二',
      sectionTitle: t < 4 ? '数字基础' : '数字治理',
      dueDate: DUE[(t + p) % DUE.length],
      leads: t % 5 === 4 ? [lead, UNITS[(p + t + 3) % UNITS.length]] : [lead],
      supporting,
      targets:
        t % 4 === 3
          ? []
          : Array.from({ length: 1 + ((t + p) % 3) }, (_, g) => ({
              metric: `指标${t + 1}-${g + 1}`,
              value: 100 + 10 * g,
              unit: '个',
              comparator: g === 2 ? ('lte' as const) : ('gte' as const),
              dueDate: DUE[(t + g + p) % DUE.length],
            })),
    };
  });
}

function buildLog(): EventLog {
  const log = new EventLog('2024-01-05T02:00:00.000Z');
  const later: { at: string; event: TaskEvent; unit: string }[] = [];
  PLANS.forEach((planId, p) => {
    const year = planId.startsWith('p25') ? 2025 : 2024;
    const tasks = tasksOf(p);
    log.at(`2024-01-0${5 + p}T02:00:00.000Z`).append(planImport(planId, year, tasks));
    tasks.forEach((task, t) => {
      const taskId = taskIdOf(planId, task.no);
      const targets = (task.targets ?? []).map((g, i) => ({
        targetId: targetIdOf(taskId, i + 1),
        value: g.value,
        comparator: g.comparator ?? 'gte',
        unit: g.unit,
        dueDate: g.dueDate ?? task.dueDate ?? `${year}-12-31`,
      }));
      // Some leads acknowledge, some never do.
      if ((t + p) % 3 !== 0) {
        const ack: TaskEvent = {
          type: 'AssignmentAcknowledged',
          schemaVersion: 1,
          data: {
            taskId,
            unit: task.leads[0],
            role: 'lead',
            terms: {
              version: 1,
              dueDate: task.dueDate ?? `${year}-12-31`,
              leads: task.leads,
              supporting: task.supporting ?? [],
              targets,
            },
          },
        };
        later.push({
          at: `2024-02-0${1 + ((t + p) % 9)}T02:00:00.000Z`,
          event: ack,
          unit: task.leads[0],
        });
      }
      // Reports over the year: some met, some behind, some targets never reported.
      targets.forEach((target, g) => {
        if ((t + g + p) % 4 === 0) return;
        [3, 6, 9].forEach((month, m) => {
          const value = Math.round((target.value * (month + ((t + g) % 5))) / 12);
          const report: TaskEvent = {
            type: 'MilestoneReported',
            schemaVersion: 1,
            data: {
              taskId,
              targetId: target.targetId,
              milestoneId: `${target.targetId}-m${m}`,
              unit: task.leads[0],
              value,
              asOf: `2024-${String(month).padStart(2, '0')}-1${m}`,
              basis: 'in-period',
              evidence: [],
            },
          };
          later.push({
            at: `2024-${String(month).padStart(2, '0')}-2${(t + g) % 8}T03:00:00.000Z`,
            event: report,
            unit: task.leads[0],
          });
        });
      });
    });
  });
  // Recorded in time order, as the store hands events out.
  later.sort((a, b) => a.at.localeCompare(b.at));
  for (const { at, event, unit } of later) log.at(at).append([event], { actor: leadActor(unit) });
  return log;
}

describe('obligation pages', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = openReadModelDb(':memory:');
    obligationsProjection.setUp(db);
    project(db, obligationsProjection, buildLog().events);
  });

  afterAll(() => db.close());

  const INSTANTS = [
    '2024-01-20T00:00:00.000Z',
    '2024-05-15T00:00:00.000Z',
    '2024-07-01T00:00:00.000Z',
    '2024-12-15T00:00:00.000Z',
    '2025-02-01T00:00:00.000Z',
  ];
  const LIGHTS = [undefined, ...lightsOf(DEFAULT_RULE_SET)];
  const FILTERS: Omit<ObligationFilter, 'asOf'>[] = [
    {},
    ...UNITS.map((unit) => ({ unit })),
    { planId: 'p24b' },
    { dueBefore: '2024-10-01' },
    { unit: UNITS[1], dueBefore: '2024-07-01' },
  ];

  function pagesOf(filter: ObligationFilter, limit: number) {
    const items = [];
    const totals = new Set<number>();
    let offset: number | null = 0;
    while (offset !== null) {
      const page = obligations(db, { ...filter, limit, offset });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      totals.add(page.total);
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return { items, totals: [...totals] };
  }

  it('is a fixture with every light and more obligations than a page', () => {
    const all = INSTANTS.flatMap((asOf) => listObligations(db, { asOf }));
    expect(new Set(all.map((o) => o.status.light))).toEqual(new Set(lightsOf(DEFAULT_RULE_SET)));
    expect(listObligations(db, { asOf: INSTANTS[2] }).length).toBeGreaterThan(100);
  });

  it('pages through exactly the whole list, for every filter, light and instant', () => {
    for (const asOf of INSTANTS)
      for (const filter of FILTERS)
        for (const status of LIGHTS) {
          const request = { ...filter, asOf, status };
          const whole = listObligations(db, request);
          for (const limit of [1, 7, 50]) {
            const { items, totals } = pagesOf(request, limit);
            expect(totals).toEqual([whole.length]);
            expect(JSON.stringify(items)).toBe(JSON.stringify(whole));
          }
        }
  });

  it('answers a page past the end with the total and no items', () => {
    const asOf = INSTANTS[2];
    const whole = listObligations(db, { asOf, unit: UNITS[0] });
    const page = obligations(db, { asOf, unit: UNITS[0], offset: whole.length + 5 });
    expect(page).toMatchObject({ total: whole.length, items: [], nextOffset: null });
  });
});
