import { deadlinesIn } from './deadlines';
import { parsePlanText } from './parse-plan-text';

const PLAN = [
  '为推动数字化转型,依据《长宁区全面推进城市数字化转型“十四五”规划》,制定2024年度工作方案。',
  '一、总体要求',
  '总体要求的说明,不含任务。',
  '二、夯实基础',
  '本部分的导语。',
  '1、加强统筹。优化机构,完成100个小区覆盖。(牵头部门:区数据局;配合部门:各相关单位)',
  '2、完善设施。推进建设。(牵头部门:区数据局、区委网信办)',
  '三、加快转型',
  '3、打造集群。新增1500家企业上云。(区科委牵头,区商务委配合)',
].join('\n');

describe('parsePlanText: plan header', () => {
  it('infers year, title and due date from the text', () => {
    const { plan, warnings } = parsePlanText(PLAN);
    expect(plan).toMatchObject({
      title: '长宁区2024年度城市数字化转型工作方案',
      year: 2024,
      dueDate: '2024-12-31',
    });
    expect(plan).not.toHaveProperty('planId');
    expect(warnings).toEqual([]);
  });

  it('takes planId, title and year from the options', () => {
    const { plan } = parsePlanText(PLAN, { planId: 'p-1', title: '标题', year: 2025 });
    expect(plan).toMatchObject({ planId: 'p-1', title: '标题', year: 2025, dueDate: '2025-12-31' });
  });

  it('uses a title-like first line as the title', () => {
    const { plan } = parsePlanText(
      '徐汇区2025年数字化转型工作要点\n一、任务\n1、做事。(牵头单位:区数据局)',
    );
    expect(plan).toMatchObject({ title: '徐汇区2025年数字化转型工作要点', year: 2025 });
  });

  it('builds a title from the 制定 sentence alone', () => {
    const { plan } = parsePlanText(
      '制定2023年度城市更新实施方案。\n一、任务\n1、做事。(牵头单位:区数据局)',
    );
    expect(plan.title).toBe('2023年度城市更新实施方案');
  });

  it('falls back to a generic title, and says so', () => {
    const { plan, warnings } = parsePlanText('一、任务\n1、做事。(牵头单位:区数据局)', {
      year: 2024,
    });
    expect(plan.title).toBe('2024年度工作方案');
    expect(warnings).toEqual([
      'no title found in the text; using "2024年度工作方案" (pass options.title)',
    ]);
  });

  it('throws when no year can be found', () => {
    expect(() => parsePlanText('一、任务\n1、做事。(牵头单位:区数据局)')).toThrow(/options\.year/);
  });

  it('warns about a malformed planId', () => {
    expect(parsePlanText(PLAN, { planId: 'Plan 1' }).warnings).toEqual([
      `planId "Plan 1" is not lower-case letters, digits and '-'`,
    ]);
  });
});

describe('parsePlanText: sections and tasks', () => {
  it('keeps only sections with tasks, and splits each task into title, body and units', () => {
    const { plan } = parsePlanText(PLAN);
    expect(plan.sections.map((s) => [s.no, s.title, s.tasks.map((t) => t.no)])).toEqual([
      ['二', '夯实基础', [1, 2]],
      ['三', '加快转型', [3]],
    ]);
    expect(plan.sections[0].tasks[0]).toEqual({
      no: 1,
      title: '加强统筹',
      body: '优化机构,完成100个小区覆盖。',
      leads: [{ name: '区数据局' }],
      supporting: [{ name: '各相关单位', group: true }],
      targets: [
        {
          metric: '小区覆盖',
          value: 100,
          unit: '个',
          comparator: 'gte',
          kind: 'in-period',
          measure: 'count',
          sourceText: '完成100个小区覆盖',
        },
      ],
      sectionPath: ['夯实基础'],
    });
    expect(plan.sections[0].tasks[1]).toMatchObject({
      leads: [{ name: '区数据局' }, { name: '区委网信办' }],
      supporting: [],
      targets: [],
    });
    expect(plan.sections[1].tasks[0]).toMatchObject({
      leads: [{ name: '区科委' }],
      supporting: [{ name: '区商务委' }],
    });
  });

  it('reads full-width punctuation, CRLF line ends, a BOM and full-width task numbers', () => {
    const text =
      '\uFEFF制定2024年度工作方案。\r\n二、任务\r\n１．完善设施。推进建设。（牵头单位：区国资委（区金融办）；配合单位：各街镇）\r\n';
    const { plan, warnings } = parsePlanText(text);
    expect(warnings).toEqual([]);
    expect(plan.sections[0].tasks[0]).toMatchObject({
      no: 1,
      title: '完善设施',
      body: '推进建设。',
      leads: [{ name: '区国资委（区金融办）' }],
      supporting: [{ name: '各街镇', group: true }],
    });
  });

  it('joins continuation lines to a task until its unit bracket closes it', () => {
    const text = [
      '制定2024年度工作方案。',
      '二、任务',
      '1、完善设施。推进建设,',
      '完成10个点位。',
      '(牵头部门:区数据局)',
      '本段为说明。',
    ].join('\n');
    const task = parsePlanText(text).plan.sections[0].tasks[0];
    expect(task.body).toBe('推进建设,完成10个点位。');
    expect(task.leads).toEqual([{ name: '区数据局' }]);
    expect(task.targets.map((t) => t.value)).toEqual([10]);
  });

  it('takes the whole text as the title when there is no 。', () => {
    const text = '制定2024年度工作方案。\n二、任务\n1、建成3家智慧养老院(牵头部门:区民政局)';
    const task = parsePlanText(text).plan.sections[0].tasks[0];
    expect(task).toMatchObject({ title: '建成3家智慧养老院', body: '' });
    expect(task.targets.map((t) => t.value)).toEqual([3]);
  });

  it('gives a task the latest deadline it names when that is not the plan due date', () => {
    const text =
      '制定2024年度工作方案。\n二、任务\n1、制定方案。3月底前出台方案,6月底前完成试点。(牵头部门:区数据局)\n2、推进。年底前完成。(牵头部门:区数据局)';
    const [first, second] = parsePlanText(text).plan.sections[0].tasks;
    expect(first.dueDate).toBe('2024-06-30');
    expect(second).not.toHaveProperty('dueDate');
  });

  it('warns about a task without units, without a lead, or numbered out of order', () => {
    const text = [
      '制定2024年度工作方案。',
      '1、无章节。(配合部门:区科委)',
      '二、任务',
      '3、无单位。推进建设。',
      '4、两种角色。推进。(牵头部门:区数据局;配合部门:区数据局)',
    ].join('\n');
    const { plan, warnings } = parsePlanText(text);
    expect(plan.sections.map((s) => s.no)).toEqual(['', '二']);
    expect(warnings).toEqual([
      'tasks before the first section heading are put in a section with no numeral',
      'task 1: no lead unit',
      'task 3: expected task 2 here',
      'task 3: no unit bracket at the end; no lead or supporting units',
      'task 4: 区数据局 is both lead and supporting',
    ]);
  });

  it('reports numbers it cannot classify, with the task and sentence', () => {
    const text = '制定2024年度工作方案。\n二、任务\n1、落地。推进“12件事”落地。(牵头部门:区数据局)';
    expect(parsePlanText(text).unclassified).toEqual([
      {
        taskNo: 1,
        sentence: '推进“12件事”落地',
        fragment: '12件',
        reason:
          'inside a quoted name; it may also be a count to deliver, so it is not taken as a target',
      },
    ]);
  });

  it('warns when there are no tasks', () => {
    expect(parsePlanText('制定2024年度工作方案。').warnings).toEqual(['no numbered tasks found']);
  });
});

describe('deadlinesIn', () => {
  it('reads month ends, exact days and year ends, in order', () => {
    expect(deadlinesIn('2025年3月底前启动,6月30日前验收,年底前完成,2025年底前推广', 2024)).toEqual([
      '2025-03-31',
      '2024-06-30',
      '2024-12-31',
      '2025-12-31',
    ]);
    expect(deadlinesIn('2月底前', 2024)).toEqual(['2024-02-29']);
    expect(deadlinesIn('13月底前,2月30日前', 2024)).toEqual([]);
  });
});
