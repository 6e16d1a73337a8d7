import type { PlanRegistered } from '../events/plan-events';
import { evolvePlan } from './evolve-plan';
import { initialPlanState } from './plan-state';

const registered = (title: string): PlanRegistered => ({
  type: 'PlanRegistered',
  schemaVersion: 2,
  data: { planId: 'cn-2024', title, year: 2024, dueDate: '2024-12-31', sections: [], tasks: [] },
});

describe('evolvePlan', () => {
  it('starts with no plan', () => {
    expect(initialPlanState()).toEqual({ status: 'none' });
  });

  it('holds the registered plan', () => {
    expect(
      evolvePlan(initialPlanState(), registered('长宁区2024年度城市数字化转型工作方案')),
    ).toEqual({
      status: 'registered',
      planId: 'cn-2024',
      title: '长宁区2024年度城市数字化转型工作方案',
      year: 2024,
      dueDate: '2024-12-31',
      sections: [],
      tasks: [],
    });
  });

  it('ignores a second registration rather than merging it', () => {
    const first = evolvePlan(initialPlanState(), registered('第一版'));
    expect(evolvePlan(first, registered('第二版'))).toBe(first);
  });
});
