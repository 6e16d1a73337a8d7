import { randomBytes } from 'node:crypto';
import { readCorpus, type CorpusPlan } from '../support/plan-corpus';
import { TestApp } from './support/test-app';

interface Assignment {
  readonly unit: string;
  readonly viaGroup?: string;
}
interface ViewTask {
  readonly no: number;
  readonly title: string;
  readonly dueDate: string;
  readonly leads: Assignment[];
  readonly supporting: Assignment[];
  readonly targets: { value: number; unit: string; comparator: string; dueDate: string }[];
}

/** The names as the text wrote them: a group the registry expanded shows as its own name. */
const named = (assignments: readonly Assignment[]): string[] => [
  ...new Set(assignments.map((a) => a.viaGroup ?? a.unit)),
];

describe('POST /plans with the text of each published plan in the corpus', () => {
  const t = new TestApp();
  const admin = () => t.token('admin');
  const corpus = readCorpus();
  const planIdOf = (plan: CorpusPlan) =>
    `corpus-${plan.name.slice(0, 2)}-${randomBytes(3).toString('hex')}`;

  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it.each(corpus.filter((p) => !p.expected.ownerless).map((p) => [p.name, p] as const))(
    '%s imports with the hand-made tasks, units and targets',
    async (_name, plan) => {
      const planId = planIdOf(plan);
      const imported = await t.request('POST', '/plans', {
        token: admin(),
        body: { text: plan.text, planId },
      });
      expect(imported.status).toBe(201);
      expect(imported.body.noticeRef ?? null).toBe(plan.expected.noticeRef);
      expect(imported.body.review).toHaveLength(plan.expected.tasks.length);

      const view = await t.request('GET', `/plans/${planId}`, { token: t.token('viewer') });
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ title: plan.expected.title, year: plan.expected.year });
      const tasks = view.body.tasks as ViewTask[];
      expect(tasks).toHaveLength(plan.expected.tasks.length);
      const planDue = `${plan.expected.year}-12-31`;
      plan.expected.tasks.forEach((want, i) => {
        const got = tasks[i];
        expect(named(got.leads)).toEqual(want.leads);
        expect(named(got.supporting)).toEqual(want.supporting);
        expect(got.dueDate).toBe(want.dueDate ?? planDue);
        expect(
          got.targets.map(({ value, unit, comparator, dueDate }) => ({
            value,
            unit,
            comparator,
            dueDate,
          })),
        ).toEqual(
          want.targets.map(({ value, unit, comparator, dueDate }) => ({
            value,
            unit,
            comparator,
            dueDate: dueDate ?? want.dueDate ?? planDue,
          })),
        );
      });
    },
  );

  it.each(corpus.filter((p) => p.expected.ownerless).map((p) => [p.name, p] as const))(
    '%s names no owners: the text is refused with its review, the reviewed structure is registered',
    async (_name, plan) => {
      const planId = planIdOf(plan);
      const refused = await t.request('POST', '/plans', {
        token: admin(),
        body: { text: plan.text, planId },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toMatch(/name no lead unit/);
      expect(refused.body.review[0]).toMatchObject({ no: 1, leads: [], needsReview: true });
      expect((await t.request('GET', `/plans/${planId}`, { token: admin() })).status).toBe(404);

      // The admin fills in the owners of the structure the answer carried and sends it back.
      const { title, year, dueDate, sections, noticeRef } = refused.body.plan;
      const reviewed = sections.map((s: { tasks: object[] }) => ({
        ...s,
        tasks: s.tasks.map((task) => ({ ...task, leads: [{ name: '市政府办公厅' }] })),
      }));
      const imported = await t.request('POST', '/plans', {
        token: admin(),
        body: { planId, title, year, dueDate, noticeRef, sections: reviewed },
      });
      expect(imported.status).toBe(201);
      const view = await t.request('GET', `/plans/${planId}`, { token: t.token('viewer') });
      expect(view.body.title).toBe(plan.expected.title);
      expect((view.body.tasks as ViewTask[]).map((task) => named(task.leads))).toEqual(
        plan.expected.tasks.map(() => ['市政府办公厅']),
      );
    },
  );
});
