import { deadlinesIn } from './deadlines';
import { parsePlanText } from './parse-plan-text';
import { extractTargets } from './targets';
import { reviewAgainstRegistry } from './registry-check';
import { ownerlessRefusal } from './review';
import { parseUnitClause } from './unit-clause';

const ctx = { taskNo: 1, year: 2024, planDueDate: '2024-12-31' };
const names = (units: readonly { name: string; group?: boolean }[] | undefined) =>
  (units ?? []).map((u) => (u.group ? `${u.name}*` : u.name));
const target = (text: string) => {
  const { targets } = extractTargets(text, ctx);
  return targets.map(({ metric, value, unit, comparator, approximate, kind, dueDate }) => ({
    metric,
    value,
    unit,
    comparator,
    ...(approximate ? { approximate } : {}),
    kind,
    ...(dueDate ? { dueDate } : {}),
  }));
};

describe('targets as published plans write them', () => {
  it.each([
    ['新建充电桩2000个以上', { metric: '充电桩', value: 2000, unit: '个', comparator: 'gte' }],
    [
      '全区数据中心机架数量达到5000个以上',
      { metric: '全区数据中心机架数量', value: 5000, unit: '个', comparator: 'gte' },
    ],
    ['8个以上', { value: 8, unit: '个', comparator: 'gte' }],
    ['研发投入不低于3亿元', { metric: '研发投入', value: 3, unit: '亿元', comparator: 'gte' }],
    ['日均流量超过30GB', { metric: '日均流量', value: 30, unit: 'GB', comparator: 'gt' }],
    [
      '能耗增幅控制在3%以内',
      { metric: '能耗增幅', value: 3, unit: '%', comparator: 'lte', kind: 'in-period' },
    ],
    ['新增就业1.2万人', { metric: '就业', value: 12000, unit: '人', comparator: 'gte' }],
  ])('%s', (text, want) => {
    expect(target(text)).toEqual([expect.objectContaining(want)]);
  });

  it('累计达到120个以上 is cumulative', () => {
    expect(target('累计达到120个以上')).toEqual([
      expect.objectContaining({ value: 120, comparator: 'gte', kind: 'cumulative' }),
    ]);
  });

  it('增长6%左右 is approximate: comparator eq, approximate set', () => {
    expect(target('地区生产总值增长6%左右')).toEqual([
      {
        metric: '地区生产总值增长',
        value: 6,
        unit: '%',
        comparator: 'eq',
        approximate: true,
        kind: 'in-period',
      },
    ]);
  });

  it('a growth rate is change over the period; a rate reached is a level', () => {
    expect(target('一般公共预算收入增长8%')[0].kind).toBe('in-period');
    expect(target('智慧道路覆盖率达到80%')[0].kind).toBe('level');
  });

  it('each clause keeps its own deadline, and the metric keeps no deadline words', () => {
    expect(target('6月底前建成充电桩200个,年底前新建充电桩2000个以上,三季度前完成试点5个')).toEqual(
      [
        expect.objectContaining({ metric: '充电桩', value: 200, dueDate: '2024-06-30' }),
        expect.objectContaining({ metric: '充电桩', value: 2000 }),
        expect.objectContaining({ metric: '试点', value: 5, dueDate: '2024-09-30' }),
      ],
    );
    expect(target('2024年3月15日前完成培训300人次')).toEqual([
      expect.objectContaining({ metric: '培训', value: 300, dueDate: '2024-03-15' }),
    ]);
    expect(target('年内建成8个以上')[0]).not.toHaveProperty('dueDate');
  });
});

describe('due phrases', () => {
  it('maps each to a date in the plan year unless it names its own year', () => {
    expect(
      deadlinesIn(
        '年底前;6月底前;三季度前;第一季度末;2024年3月15日前;年内;上半年;到2025年底',
        2024,
      ),
    ).toEqual([
      '2024-12-31',
      '2024-06-30',
      '2024-09-30',
      '2024-03-31',
      '2024-03-15',
      '2024-12-31',
      '2024-06-30',
      '2025-12-31',
    ]);
  });
});

describe('unit annotations as published plans write them', () => {
  it.each([
    ['(牵头部门:A局、B局;配合部门:C局)', ['A局', 'B局'], ['C局']],
    ['（牵头单位：A局；责任单位：B局、C局）', ['A局'], ['B局', 'C局']],
    ['(责任单位:A局、B局)', ['A局', 'B局'], []],
    ['(A局牵头,B局、C局配合)', ['A局'], ['B局', 'C局']],
    ['(A局牵头)', ['A局'], []],
    ['(A局、B局按职责分工负责)', ['A局', 'B局'], []],
    ['(A局牵头,各有关单位按职责分工负责)', ['A局'], ['各有关单位*']],
    [
      '(A局、B局牽頭,市級各有關部門及各縣市區政府按職責分工負責)',
      ['A局', 'B局'],
      ['市級各有關部門*', '各縣市區政府*'],
    ],
    ['〔责任单位:A局、B局按职责分工负责。具体任务均涉及各区政府,下同。〕', ['A局', 'B局'], []],
    [
      '(牵头单位:A局;责任单位:各镇(街道)、市直有关部门、单位)',
      ['A局'],
      ['各镇(街道)*', '市直有关部门、单位*'],
    ],
  ])('%s', (bracket, leads, supporting) => {
    const units = parseUnitClause(bracket.slice(1, -1));
    expect(names(units?.leads)).toEqual(leads);
    expect(names(units?.supporting)).toEqual(supporting);
  });

  it('keeps a free sentence after the lists as a note, not as units', () => {
    const units = parseUnitClause(
      '牵头单位:A局;责任单位:B局。以下任务均需各区政府落实,不再一一列出',
    );
    expect(names(units?.supporting)).toEqual(['B局']);
    expect(units?.notes).toEqual(['以下任务均需各区政府落实,不再一一列出']);
  });

  it('reads 牵头单位 / 责任单位 lines of their own after the task', () => {
    const { plan } = parsePlanText(
      [
        '某区2024年重点工作任务分解方案',
        '一、主要目标',
        '1.地区生产总值增长6%左右。',
        '牵头单位:区发改局',
        '责任单位:各街道,区统计局',
      ].join('\n'),
    );
    expect(plan.sections[0].tasks[0]).toMatchObject({
      leads: [{ name: '区发改局' }],
      supporting: [{ name: '各街道', group: true }, { name: '区统计局' }],
    });
  });

  it('lets a list that says its first unit leads, 下同, decide the lists after it', () => {
    const { plan } = parsePlanText(
      [
        '某市2020年政府工作报告主要工作责任分解',
        '一、重点工作',
        '1.推进甲。',
        '责任单位:财政局、发改局(列第一位者为牵头单位,下同)',
        '2.推进乙。',
        '责任单位:经信局、税务局',
      ].join('\n'),
    );
    const [first, second] = plan.sections[0].tasks;
    expect([names(first.leads), names(first.supporting)]).toEqual([['财政局'], ['发改局']]);
    expect([names(second.leads), names(second.supporting)]).toEqual([['经信局'], ['税务局']]);
  });

  it('applies a heading’s unit bracket to the tasks under it that name none', () => {
    const { plan } = parsePlanText(
      [
        '某区2024年工作要点',
        '一、数字政府',
        '（一）提升政务服务（牵头单位：区数据局；配合单位：各街镇）',
        '1.推进网上办。',
        '2.推进掌上办。（区政务服务中心牵头）',
      ].join('\n'),
    );
    const [first, second] = plan.sections[0].tasks;
    expect([names(first.leads), names(first.supporting)]).toEqual([['区数据局'], ['各街镇*']]);
    expect(first.sectionPath).toEqual(['数字政府', '提升政务服务']);
    expect(names(second.leads)).toEqual(['区政务服务中心']);
  });
});

describe('structure of published plans', () => {
  it('takes the （一） items as tasks when they carry the units, and 1. items when those do', () => {
    const byParen = parsePlanText(
      [
        '某市2023年工作要点',
        '一、改革',
        '（一）甲事项。推进。（责任单位：A局）',
        '（二）乙事项。推进。（责任单位：B局）',
      ].join('\n'),
    );
    expect(byParen.plan.sections[0].tasks.map((t) => [t.no, t.title])).toEqual([
      [1, '甲事项'],
      [2, '乙事项'],
    ]);
    const byNumber = parsePlanText(
      [
        '某市2023年工作要点',
        '一、改革',
        '（一）小标题',
        '1.甲事项。(A局牵头)',
        '（二）小标题二',
        '1.乙事项。(B局牵头)',
      ].join('\n'),
    );
    expect(byNumber.plan.sections[0].tasks.map((t) => [t.no, t.sectionPath])).toEqual([
      [1, ['改革', '小标题']],
      [2, ['改革', '小标题二']],
    ]);
  });

  it('finds the plan after its 印发通知 and keeps the notice’s 文号', () => {
    const { plan } = parsePlanText(
      [
        '某区人民政府办公室关于印发某区2024年工作要点的通知',
        '某政办〔2024〕3号',
        '各街道办事处,区政府各部门:',
        '现将《某区2024年工作要点》印发给你们,请认真贯彻落实。',
        '一、各单位要高度重视。',
        '某区人民政府办公室',
        '2024年2月1日',
        '(此件公开发布)',
        '某区2024年工作要点',
        '一、重点任务',
        '1.推进甲。(区发改委牵头)',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      title: '某区2024年工作要点',
      year: 2024,
      noticeRef: '某政办〔2024〕3号',
    });
    expect(plan.sections.flatMap((s) => s.tasks)).toHaveLength(1);
  });

  it('reads a 责任分解 table flattened one cell a line', () => {
    const { plan } = parsePlanText(
      [
        '2024年重点工作责任分解',
        '序号',
        '主要工作任务',
        '责任单位',
        '1',
        '生产总值增长6%左右。',
        '发改局',
        '2',
        '新建充电桩2000个以上。',
        '建设局(交通局)',
      ].join('\n'),
    );
    expect(
      plan.sections[0].tasks.map((t) => [t.no, names(t.leads), t.targets.map((g) => g.value)]),
    ).toEqual([
      [1, ['发改局'], [6]],
      [2, ['建设局(交通局)'], [2000]],
    ]);
  });
});

describe('review', () => {
  it('reports per task what was recognised and what was not, and refuses a plan without owners', () => {
    const result = parsePlanText(
      [
        '某区2024年工作要点',
        '一、任务',
        '1.推进“12件事”落地。(区数据局牵头,各街镇配合)',
        '2.推进乙。',
      ].join('\n'),
    );
    expect(result.review).toEqual([
      expect.objectContaining({
        no: 1,
        leads: ['区数据局'],
        supporting: ['各街镇'],
        groups: ['各街镇'],
        unrecognised: [expect.stringMatching(/^12件: inside a quoted name/)],
        needsReview: true,
      }),
      expect.objectContaining({ no: 2, leads: [], needsReview: true }),
    ]);
    expect(ownerlessRefusal(result)).toMatch(/^1 of 2 tasks name no lead unit \(task 2\)/);
    expect(
      ownerlessRefusal(parsePlanText('某区2024年工作要点\n一、任务\n1.推进。(区数据局牵头)')),
    ).toBeUndefined();
  });
});

describe('deeper numbering levels', () => {
  it('puts （1） and ① items under the task above them, and reads their targets', () => {
    const { plan } = parsePlanText(
      [
        '某县2024年行动方案',
        '一、重点任务',
        '1.完善充电设施。(县发改局牵头,各乡镇配合)',
        '（1）新建充电桩200个以上。',
        '① 年底前建成充电站5座。',
        '2.推广新能源车。(县交通局牵头)',
      ].join('\n'),
    );
    const [first, second] = plan.sections[0].tasks;
    expect(first.targets.map((t) => [t.value, t.unit])).toEqual([
      [200, '个'],
      [5, '座'],
    ]);
    expect(names(first.leads)).toEqual(['县发改局']);
    expect(second.no).toBe(2);
  });
});

describe('review against the unit registry', () => {
  it('names, on each task, the units the registry does not know', () => {
    const { review } = parsePlanText(
      '某区2024年工作要点\n一、任务\n1.推进。(区数据局牵头,区数椐局配合)',
    );
    const [task] = reviewAgainstRegistry(review, { units: ['区数据局'], groups: {} });
    expect(task.warnings).toEqual(['task 1: unit "区数椐局" is not in the unit registry']);
    expect(task.needsReview).toBe(true);
  });
});
