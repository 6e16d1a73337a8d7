import { readCorpus, scoreAgainst, type ObservedTask } from '../../../test/support/plan-corpus';
import { parsePlanText } from './parse-plan-text';
import type { ParseResult } from './parse-result';

const observed = (result: ParseResult): ObservedTask[] =>
  result.plan.sections.flatMap((s) =>
    s.tasks.map((t) => ({
      title: t.title,
      sectionPath: t.sectionPath ?? [],
      leads: t.leads.map((u) => u.name),
      supporting: t.supporting.map((u) => u.name),
      targets: t.targets,
      dueDate: t.dueDate,
    })),
  );

describe('the corpus of published plans', () => {
  const corpus = readCorpus();

  it('has at least ten excerpts, each with its source address', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10);
    for (const plan of corpus) expect(plan.source).toMatch(/https?:\/\/\S+/);
  });

  describe.each(corpus.map((plan) => [plan.name, plan] as const))('%s', (_name, plan) => {
    const result = parsePlanText(plan.text);
    const tasks = observed(result);

    it('gives the plan its title, year and the notice 文号', () => {
      expect(result.plan.title).toBe(plan.expected.title);
      expect(result.plan.year).toBe(plan.expected.year);
      expect(result.plan.noticeRef ?? null).toBe(plan.expected.noticeRef);
    });

    it('finds every task with its section path, units, due date and targets', () => {
      expect(tasks).toHaveLength(plan.expected.tasks.length);
      plan.expected.tasks.forEach((want, i) => {
        const got = result.plan.sections.flatMap((s) => s.tasks)[i];
        expect({ no: i + 1, sectionPath: got.sectionPath ?? [] }).toEqual({
          no: i + 1,
          sectionPath: want.sectionPath,
        });
        if (want.titleStartsWith) expect(got.title.startsWith(want.titleStartsWith)).toBe(true);
        expect(got.leads.map((u) => u.name)).toEqual(want.leads);
        expect(got.supporting.map((u) => u.name)).toEqual(want.supporting);
        expect([...got.leads, ...got.supporting].filter((u) => u.group).map((u) => u.name)).toEqual(
          [...want.leads, ...want.supporting].filter((u) => want.groups?.includes(u)),
        );
        expect(got.dueDate).toBe(want.dueDate);
        expect(
          got.targets.map((t) => ({
            value: t.value,
            unit: t.unit,
            comparator: t.comparator,
            ...(t.approximate ? { approximate: true } : {}),
            ...(t.dueDate ? { dueDate: t.dueDate } : {}),
          })),
        ).toEqual(want.targets.map(({ metric: _metric, ...t }) => t));
      });
      expect(scoreAgainst(plan.expected, tasks)).toEqual({
        tasks: [plan.expected.tasks.length, plan.expected.tasks.length],
        units: [expect.any(Number), expect.any(Number)],
        targets: [expect.any(Number), expect.any(Number)],
      });
      const score = scoreAgainst(plan.expected, tasks);
      expect(score.units[0]).toBe(score.units[1]);
      expect(score.targets[0]).toBe(score.targets[1]);
    });

    it('reports every task without a lead for review', () => {
      const ownerless = result.review.filter((r) => r.leads.length === 0).map((r) => r.no);
      expect(ownerless.length > 0).toBe(plan.expected.ownerless === true);
    });
  });
});
