import { eventUpcasters } from './event-upcasters';

describe('eventUpcasters', () => {
  const upcasters = eventUpcasters();

  it.each(['PlanRegistered', 'TaskRegistered', 'TargetRegistered'])(
    'reads a version 1 %s as version 2, its data unchanged',
    (type) => {
      const v1 = { planId: 'cn-2024', title: '长宁区2024年度城市数字化转型工作方案' };
      expect(upcasters.upcast(type, 1, v1)).toEqual({ schemaVersion: 2, data: v1 });
    },
  );

  it('leaves a version 2 event as it is', () => {
    const v2 = { taskId: 'cn-2024-t01', sectionPath: ['夯实数字底座', '新型基础设施'] };
    expect(upcasters.upcast('TaskRegistered', 2, v2)).toEqual({ schemaVersion: 2, data: v2 });
  });

  it('leaves event types still at version 1 at version 1', () => {
    expect(upcasters.upcast('LeadAssigned', 1, { unit: '区数据局' })).toEqual({
      schemaVersion: 1,
      data: { unit: '区数据局' },
    });
  });
});
