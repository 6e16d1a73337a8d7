import type { Actor } from '../events/event-metadata';
import type { PlanRegistered } from '../events/plan-events';
import type { TaskEvent } from '../events/task-events';
import type { PlanDraft, TaskDraft, UnitRegistry } from '../model/plan-draft';
import { deciderSpec } from '../testing/given-when-then';
import { admin, command, leadOf, supervisor, viewer, withActor } from '../testing/task-fixtures';
import { decideTask } from '../task/decide-task';
import { evolveTask } from '../task/evolve-task';
import { initialTaskState } from '../task/task-state';
import { planDecider } from './plan-decider';

const { given } = deciderSpec(planDecider);

const 各街镇 = ['华阳路街道', '江苏路街道', '新泾镇'];
const registry: UnitRegistry = {
  units: ['区数据局', '区委网信办', '区城运中心', '区科委', ...各街镇],
  groups: { 各街镇, 各相关单位: [] },
};

const task1: TaskDraft = {
  no: 1,
  title: '加强统筹协调推进',
  body: '进一步优化调整议事协调机构。',
  leads: [{ name: '区数据局' }],
  supporting: [],
  targets: [],
};
const task2: TaskDraft = {
  no: 2,
  title: '推进新型信息基础设施建设',
  body: '完成100个住宅小区地下车库移动通信网络覆盖,固定宽带平均接入带宽超400Mbps。',
  leads: [{ name: '区数据局' }, { name: '区委网信办' }],
  supporting: [
    { name: '各街镇', group: true },
    { name: '各相关单位', group: true },
  ],
  targets: [
    {
      metric: '住宅小区地下车库移动通信网络覆盖',
      value: 100,
      unit: '个',
      comparator: 'gte',
      kind: 'in-period',
      measure: 'count',
      sourceText: '完成100个住宅小区地下车库移动通信网络覆盖',
    },
    {
      metric: '固定宽带平均接入带宽',
      value: 400,
      unit: 'Mbps',
      comparator: 'gt',
      kind: 'level',
      measure: 'level',
      dueDate: '2024-09-30',
      sourceText: '固定宽带平均接入带宽超400Mbps',
      baseline: { value: 350, date: '2023-12-31' },
    },
  ],
};
const draft: PlanDraft = {
  title: '长宁区2024年度城市数字化转型工作方案',
  year: 2024,
  dueDate: '2024-12-31',
  sections: [
    { no: '二', title: '强化统筹推进', tasks: [task1] },
    { no: '三', title: '夯实数字底座', tasks: [{ ...task2, dueDate: '2024-10-31' }] },
  ],
};
const importPlan = (
  data: Partial<{ planId: string; draft: PlanDraft; sourceSha256: string }> = {},
  actor: Actor = admin,
) => command('ImportPlan', { planId: 'cn-2024', draft, registry, ...data }, actor);
const sha = 'a'.repeat(64);

const planRegistered: PlanRegistered = {
  type: 'PlanRegistered',
  schemaVersion: 2,
  data: {
    planId: 'cn-2024',
    title: '长宁区2024年度城市数字化转型工作方案',
    year: 2024,
    dueDate: '2024-12-31',
    sections: [
      { no: '二', title: '强化统筹推进' },
      { no: '三', title: '夯实数字底座' },
    ],
    tasks: [
      { taskId: 'cn-2024-t01', no: 1, title: '加强统筹协调推进', sectionNo: '二' },
      { taskId: 'cn-2024-t02', no: 2, title: '推进新型信息基础设施建设', sectionNo: '三' },
    ],
    sourceSha256: sha,
  },
};
const byText = { reason: '计划文本指定' };

describe('ImportPlan', () => {
  it('registers the plan, then each task with its targets and the units its text names, stream by stream', () => {
    given()
      .when(importPlan({ sourceSha256: sha }))
      .then(
        { streamId: 'plan-cn-2024', events: [planRegistered] },
        {
          streamId: 'task-cn-2024-t01',
          events: [
            {
              type: 'TaskRegistered',
              schemaVersion: 2,
              data: {
                planId: 'cn-2024',
                taskId: 'cn-2024-t01',
                no: 1,
                sectionNo: '二',
                sectionTitle: '强化统筹推进',
                title: '加强统筹协调推进',
                body: '进一步优化调整议事协调机构。',
                dueDate: '2024-12-31',
              },
            },
            {
              type: 'LeadAssigned',
              schemaVersion: 1,
              data: { taskId: 'cn-2024-t01', unit: '区数据局', ...byText },
            },
          ],
        },
        {
          streamId: 'task-cn-2024-t02',
          events: [
            {
              type: 'TaskRegistered',
              schemaVersion: 2,
              data: {
                planId: 'cn-2024',
                taskId: 'cn-2024-t02',
                no: 2,
                sectionNo: '三',
                sectionTitle: '夯实数字底座',
                title: '推进新型信息基础设施建设',
                body: task2.body,
                dueDate: '2024-10-31',
              },
            },
            {
              type: 'TargetRegistered',
              schemaVersion: 2,
              data: {
                planId: 'cn-2024',
                taskId: 'cn-2024-t02',
                targetId: 'cn-2024-t02-g1',
                metric: '住宅小区地下车库移动通信网络覆盖',
                value: 100,
                unit: '个',
                comparator: 'gte',
                kind: 'in-period',
                measure: 'count',
                dueDate: '2024-10-31',
                sourceText: '完成100个住宅小区地下车库移动通信网络覆盖',
              },
            },
            {
              type: 'TargetRegistered',
              schemaVersion: 2,
              data: {
                planId: 'cn-2024',
                taskId: 'cn-2024-t02',
                targetId: 'cn-2024-t02-g2',
                metric: '固定宽带平均接入带宽',
                value: 400,
                unit: 'Mbps',
                comparator: 'gt',
                kind: 'level',
                measure: 'level',
                dueDate: '2024-09-30',
                sourceText: '固定宽带平均接入带宽超400Mbps',
                baseline: { value: 350, date: '2023-12-31' },
              },
            },
            {
              type: 'LeadAssigned',
              schemaVersion: 1,
              data: { taskId: 'cn-2024-t02', unit: '区数据局', ...byText },
            },
            {
              type: 'LeadAssigned',
              schemaVersion: 1,
              data: { taskId: 'cn-2024-t02', unit: '区委网信办', ...byText },
            },
            ...各街镇.map((unit): TaskEvent => ({
              type: 'SupportingUnitAssigned',
              schemaVersion: 1,
              data: { taskId: 'cn-2024-t02', unit, viaGroup: '各街镇', ...byText },
            })),
            {
              type: 'SupportingUnitAssigned',
              schemaVersion: 1,
              data: { taskId: 'cn-2024-t02', unit: '各相关单位', isGroup: true, ...byText },
            },
          ],
        },
      );
  });

  it('keeps a target whose text names no unit of measure (全年总计归集数据不低于132万)', () => {
    const target = {
      ...task2.targets[0],
      metric: '全年总计归集数据',
      value: 1_320_000,
      unit: '',
      sourceText: '全年总计归集数据不低于132万',
    };
    const onlyTarget: PlanDraft = {
      ...draft,
      sections: [{ no: '三', title: 's', tasks: [{ ...task2, targets: [target] }] }],
    };
    const [, taskStream] = given()
      .when(importPlan({ draft: onlyTarget }))
      .decision();
    expect(taskStream.events[1]).toMatchObject({
      type: 'TargetRegistered',
      data: { value: 1_320_000, unit: '' },
    });
  });

  it('leaves out sourceSha256 when the plan did not come from text', () => {
    const [plan] = given().when(importPlan()).decision();
    expect(plan.events[0].data).not.toHaveProperty('sourceSha256');
  });

  describe('what the plan text parser recognised (schema version 2)', () => {
    const recognised: PlanDraft = {
      ...draft,
      noticeRef: '鞍立政发〔2023〕2号',
      sections: [
        {
          no: '三',
          title: '夯实数字底座',
          tasks: [
            {
              ...task2,
              sectionPath: ['夯实数字底座', '新型基础设施'],
              targets: [{ ...task2.targets[0], comparator: 'eq', approximate: true }],
            },
          ],
        },
      ],
    };

    it('records the notice 文号 on PlanRegistered, the section path on TaskRegistered, 左右 on TargetRegistered', () => {
      const [plan, taskStream] = given()
        .when(importPlan({ draft: recognised }))
        .decision();
      expect(plan.events[0]).toMatchObject({
        type: 'PlanRegistered',
        schemaVersion: 2,
        data: { noticeRef: '鞍立政发〔2023〕2号' },
      });
      expect(taskStream.events.slice(0, 2)).toMatchObject([
        {
          type: 'TaskRegistered',
          schemaVersion: 2,
          data: { sectionPath: ['夯实数字底座', '新型基础设施'] },
        },
        {
          type: 'TargetRegistered',
          schemaVersion: 2,
          data: { comparator: 'eq', approximate: true },
        },
      ]);
    });

    it('leaves the fields out when the text did not show them', () => {
      const [plan, taskStream] = given().when(importPlan()).decision();
      expect(plan.events[0].data).not.toHaveProperty('noticeRef');
      const registered = taskStream.events.filter(
        (e) => e.type === 'TaskRegistered' || e.type === 'TargetRegistered',
      );
      expect(registered.map((e) => e.schemaVersion)).toEqual([2]);
      expect(registered[0].data).not.toHaveProperty('sectionPath');
    });

    it('keeps them in the folded plan and task states', () => {
      const [plan, taskStream] = given()
        .when(importPlan({ draft: recognised }))
        .decision();
      const planState = planDecider.evolve(
        planDecider.initialState(),
        plan.events[0] as PlanRegistered,
      );
      expect(planState).toMatchObject({ noticeRef: '鞍立政发〔2023〕2号' });
      const taskState = (taskStream.events as TaskEvent[]).reduce(evolveTask, initialTaskState());
      expect(taskState).toMatchObject({
        sectionPath: ['夯实数字底座', '新型基础设施'],
        targets: [{ approximate: true }],
      });
    });
  });

  describe('collective names', () => {
    const onlyTask = (t: TaskDraft): PlanDraft => ({
      ...draft,
      sections: [{ no: '二', title: 's', tasks: [t] }],
    });
    const assignments = (t: TaskDraft) =>
      given()
        .when(importPlan({ draft: onlyTask(t) }))
        .decision()[1]
        .events.filter((e) => e.type === 'LeadAssigned' || e.type === 'SupportingUnitAssigned')
        .map((e) => [e.type, e.data]);

    it('expands 各街镇 to every sub-district and town, each remembering the group', () => {
      expect(assignments({ ...task1, supporting: [{ name: '各街镇', group: true }] })).toEqual([
        ['LeadAssigned', { taskId: 'cn-2024-t01', unit: '区数据局', ...byText }],
        ...各街镇.map((unit) => [
          'SupportingUnitAssigned',
          { taskId: 'cn-2024-t01', unit, viaGroup: '各街镇', ...byText },
        ]),
      ]);
    });

    it('expands a registry group even when the draft did not mark it as one', () => {
      expect(
        assignments({ ...task1, leads: [{ name: '各街镇' }] }).map(
          ([, d]) => (d as { unit: string }).unit,
        ),
      ).toEqual(各街镇);
    });

    it('keeps a group the registry does not know as a placeholder', () => {
      expect(
        assignments({ ...task1, supporting: [{ name: '各有关部门', group: true }] })[1],
      ).toEqual([
        'SupportingUnitAssigned',
        { taskId: 'cn-2024-t01', unit: '各有关部门', isGroup: true, ...byText },
      ]);
    });

    it('assigns a unit once, keeping its first mention: a lead named again through a group stays lead', () => {
      expect(
        assignments({
          ...task1,
          leads: [{ name: '华阳路街道' }],
          supporting: [{ name: '各街镇', group: true }, { name: '华阳路街道' }],
        }).map(([type, d]) => [type, (d as { unit: string }).unit]),
      ).toEqual([
        ['LeadAssigned', '华阳路街道'],
        ['SupportingUnitAssigned', '江苏路街道'],
        ['SupportingUnitAssigned', '新泾镇'],
      ]);
    });
  });

  it('yields task streams a lead of an expanded group can act on', () => {
    const [, , task2Stream] = given().when(importPlan()).decision();
    const state = (task2Stream.events as TaskEvent[]).reduce(evolveTask, initialTaskState());
    const ack = command(
      'AcknowledgeAssignment',
      { taskId: 'cn-2024-t02', unit: '华阳路街道' },
      leadOf('华阳路街道'),
    );
    expect(decideTask(ack, state)).toEqual([
      expect.objectContaining({
        type: 'AssignmentAcknowledged',
        data: expect.objectContaining({
          role: 'supporting',
          terms: expect.objectContaining({ version: 1 }),
        }),
      }),
    ]);
  });

  it.each([supervisor, viewer, leadOf('区数据局')])('is forbidden to a $role', (actor) => {
    given().when(withActor(importPlan(), actor)).thenThrows('forbidden');
  });

  it('is refused for a plan already registered', () => {
    given(planRegistered).when(importPlan()).thenThrows('illegal-state', 'already registered');
  });

  it.each([
    ['a planId that is not lower-case letters, digits and dashes', { planId: 'CN_2024' }, 'planId'],
    ['a draft naming another plan', { draft: { ...draft, planId: 'cn-2023' } }, 'different planId'],
    ['a malformed source hash', { sourceSha256: 'abc' }, 'sourceSha256'],
    ['an empty title', { draft: { ...draft, title: ' ' } }, 'title'],
    ['a year that is not an integer', { draft: { ...draft, year: 2024.5 } }, 'year'],
    [
      'a due date that is not a calendar date',
      { draft: { ...draft, dueDate: '2024-12-32' } },
      'dueDate',
    ],
    [
      'a plan without tasks',
      { draft: { ...draft, sections: [{ no: '二', title: 's', tasks: [] }] } },
      'at least one task',
    ],
    [
      'a task number used twice',
      { draft: { ...draft, sections: [{ no: '二', title: 's', tasks: [task1, task1] }] } },
      'task number 1 appears twice',
    ],
    [
      'a task number that is not positive',
      { draft: { ...draft, sections: [{ no: '二', title: 's', tasks: [{ ...task1, no: 0 }] }] } },
      'positive',
    ],
    [
      'a task due date that is not a calendar date',
      {
        draft: {
          ...draft,
          sections: [{ no: '二', title: 's', tasks: [{ ...task1, dueDate: '2024-6-30' }] }],
        },
      },
      'task 1 dueDate',
    ],
    [
      'an empty unit name',
      {
        draft: {
          ...draft,
          sections: [{ no: '二', title: 's', tasks: [{ ...task1, leads: [{ name: '' }] }] }],
        },
      },
      'unit name',
    ],
    [
      'a target value that is not a number',
      {
        draft: {
          ...draft,
          sections: [
            {
              no: '二',
              title: 's',
              tasks: [{ ...task2, targets: [{ ...task2.targets[0], value: Number.NaN }] }],
            },
          ],
        },
      },
      'target 1 value',
    ],
    [
      'a target unit that is not text',
      {
        draft: {
          ...draft,
          sections: [
            {
              no: '二',
              title: 's',
              tasks: [{ ...task2, targets: [{ ...task2.targets[0], unit: 12 as never }] }],
            },
          ],
        },
      },
      'target 1 unit',
    ],
    [
      'a target due date that is not a calendar date',
      {
        draft: {
          ...draft,
          sections: [
            {
              no: '二',
              title: 's',
              tasks: [{ ...task2, targets: [{ ...task2.targets[0], dueDate: 'soon' }] }],
            },
          ],
        },
      },
      'target 1 dueDate',
    ],
  ])('refuses %s', (_case, data, message) => {
    given().when(importPlan(data)).thenThrows('rule-violation', message);
  });
});
