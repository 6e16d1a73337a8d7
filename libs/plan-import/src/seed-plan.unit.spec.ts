import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskDraft } from './domain';
import { parsePlanText } from './parse-plan-text';
import { unknownUnits } from './registry-check';
import { readSeedPlan, readUnitRegistry } from './seed-files';

/**
 * The real seed: Changning District's 2024 plan for city-wide digital transformation. The
 * committed seeds/changning-2024.plan.json must equal what the parser makes of the text, so a
 * change to either fails here.
 */
const SEEDS = join(__dirname, '../../../seeds');
const TEXT = readFileSync(join(SEEDS, '000_185a200b6ab3317e.txt'), 'utf8');
const result = parsePlanText(TEXT, { planId: 'changning-2024-digital' });
const tasks: TaskDraft[] = result.plan.sections.flatMap((s) => [...s.tasks]);
const task = (no: number): TaskDraft => tasks[no - 1];
const names = (units: TaskDraft['leads']) => units.map((u) => (u.group ? `${u.name}*` : u.name));

describe('the Changning 2024 seed plan', () => {
  it('equals the committed seeds/changning-2024.plan.json', () => {
    expect(result.plan).toEqual(readSeedPlan(SEEDS));
  });

  it('has the plan header and the four sections with tasks', () => {
    expect(result.plan).toMatchObject({
      planId: 'changning-2024-digital',
      title: '长宁区2024年度城市数字化转型工作方案',
      year: 2024,
      dueDate: '2024-12-31',
    });
    expect(result.plan.sections.map((s) => [s.no, s.title, s.tasks.map((t) => t.no)])).toEqual([
      ['二', '夯实数字化基础支撑,构建有韧性数字生态', [1, 2, 3, 4]],
      ['三', '加快经济数字化转型,激活产业发展新动能', [5, 6, 7, 8]],
      ['四', '推动生活数字化转型,增强人民城市体验度', [9, 10, 11, 12, 13, 14]],
      ['五', '深化治理数字化转型,强化城市治理软实力', [15, 16, 17, 18]],
    ]);
    expect(tasks).toHaveLength(18);
    expect(tasks.every((t) => t.dueDate === undefined)).toBe(true);
  });

  it('keeps each task line exactly: "N、" + title + "。" + body + the unit bracket', () => {
    const lines = TEXT.split('\n').filter((line) => /^\d+、/.test(line));
    expect(lines).toHaveLength(18);
    lines.forEach((line, i) => {
      const t = tasks[i];
      const head = `${t.no}、${t.title}。${t.body}`;
      expect(line.startsWith(head)).toBe(true);
      expect(line.slice(head.length)).toMatch(/^\((牵头部门:[^()]+)\)$/);
    });
  });

  it('names the lead and supporting units of every task', () => {
    const REST = '各相关单位*';
    expect(tasks.map((t) => [t.no, names(t.leads), names(t.supporting)])).toEqual([
      [1, ['区数据局'], []],
      [2, ['区数据局', '区委网信办', '区城运中心'], [REST]],
      [3, ['区数据局', '区城运中心'], ['区委网信办', REST]],
      [4, ['区科委', '区人力资源社会保障局', '区数据局'], ['区人才工作局', '区委网信办']],
      [5, ['东虹办'], ['区数据局', '区科委', '区商务委']],
      [6, ['区数据局', '区商务委'], ['区发展改革委', '区投促办', '东虹办']],
      [7, ['区数据局', '区科委'], ['区发展改革委', '区商务委', '区投促办', '东虹办']],
      [8, ['区科委', '区商务委'], [REST]],
      [9, ['区卫生健康委'], []],
      [10, ['区教育局'], []],
      [11, ['区民政局'], []],
      [12, ['区文化旅游局'], []],
      [13, ['区建设管理委'], []],
      [14, ['各街镇*'], []],
      [15, ['区府办', '区数据局', '区城运中心'], [REST]],
      [16, ['区城运中心'], [REST]],
      [17, ['区府办', '区数据局', '区城运中心'], [REST]],
      [18, ['区委社会工作部', '区数据局', '区城运中心'], [REST]],
    ]);
  });

  it('finds 39 targets, task by task', () => {
    expect(tasks.map((t) => t.targets.length)).toEqual([
      0, 2, 0, 0, 6, 0, 5, 4, 1, 2, 5, 4, 1, 0, 7, 0, 0, 2,
    ]);
  });

  it('reads every target as value, comparator, unit, kind and measure', () => {
    const row = (t: TaskDraft) =>
      t.targets.map((g) => `${g.value} ${g.comparator} ${g.unit || '-'} ${g.kind} ${g.measure}`);
    expect(
      Object.fromEntries(tasks.filter((t) => t.targets.length).map((t) => [t.no, row(t)])),
    ).toEqual({
      2: ['100 gte 个 in-period count', '400 gt Mbps level level'],
      5: [
        '1900 gte 家 cumulative count',
        '2900 gte 亿元 in-period money',
        '6 gte 个 cumulative count',
        '800 gte 家 cumulative count',
        '15 gte 家 cumulative count',
        '4 gte 个 cumulative count',
      ],
      7: [
        '2 gte 家 in-period count',
        '80 gte 家 cumulative count',
        '200 gte 个 in-period count',
        '1500 gte 家 in-period count',
        '3058 gte 亿元 in-period money',
      ],
      8: [
        '3 gte 家 in-period count',
        '2 gte 个 cumulative count',
        '1 gte 家 in-period count',
        '20 gte 家 in-period count',
      ],
      9: ['15 gte 家 in-period count'],
      10: ['4 gte 所 in-period count', '4 gte 个 in-period count'],
      11: [
        '3 gte 家 in-period count',
        '3 gte 家 in-period count',
        '300 gte 户 in-period count',
        '456 gte 户 in-period count',
        '3500 gte 户 in-period count',
      ],
      12: [
        '2 gte 个 in-period count',
        '16 gte 个 in-period count',
        '72 gte 家 in-period count',
        '8 gte 个 in-period count',
      ],
      13: ['80 gte % level ratio'],
      15: [
        '19 gte 项 in-period count',
        '10 gte 项 in-period count',
        '7 gte 个 in-period count',
        '2 gte 个 in-period count',
        '15 gte 个 in-period count',
        '3 gte 个 in-period count',
        '5 gte 个 in-period count',
      ],
      18: ['90 gte % level ratio', '1320000 gte - in-period count'],
    });
  });

  it('reads the sample targets exactly', () => {
    expect(task(2).targets).toEqual([
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
        sourceText: '固定宽带平均接入带宽超400Mbps',
      },
    ]);
    expect(task(5).targets[0]).toEqual({
      metric: '培育集聚数字经济企业',
      value: 1900,
      unit: '家',
      comparator: 'gte',
      kind: 'cumulative',
      measure: 'count',
      sourceText: '累计培育集聚数字经济企业1900家',
    });
    expect(task(5).targets[1]).toMatchObject({
      metric: '营业收入',
      value: 2900,
      unit: '亿元',
      measure: 'money',
    });
    expect(task(13).targets).toEqual([
      {
        metric: '全区智慧道路覆盖率',
        value: 80,
        unit: '%',
        comparator: 'gte',
        kind: 'level',
        measure: 'ratio',
        sourceText: '实现全区智慧道路覆盖率达到80%',
      },
    ]);
    expect(task(15).targets[1]).toEqual({
      metric: '区级惠企利民政策和服务“免申即享”',
      value: 10,
      unit: '项',
      comparator: 'gte',
      kind: 'in-period',
      measure: 'count',
      sourceText: '新增区级惠企利民政策和服务“免申即享”10项以上',
    });
    expect(task(18).targets[1]).toEqual({
      metric: '归集数据',
      value: 1_320_000,
      unit: '',
      comparator: 'gte',
      kind: 'in-period',
      measure: 'count',
      sourceText: '全年总计归集数据不低于132万',
    });
  });

  it('does not take years, plan names, 5G or response standards as targets', () => {
    const sources = tasks.flatMap((t) => t.targets.map((g) => g.sourceText)).join('|');
    for (const notATarget of ['5G', '十五五', '5分钟', '15分钟', 'AI+', 'DCMM']) {
      expect(sources).not.toContain(notATarget);
    }
  });

  it('reports the "12件事" of task 15 as unclassified, and warns only about 132万', () => {
    expect(result.unclassified).toEqual([
      {
        taskNo: 15,
        sentence:
          '积极推进市级重点新增7个“一件事”和优化的“12件事”在长宁落地,打造长宁特色标杆“一件事”2个以上',
        fragment: '12件',
        reason:
          'inside a quoted name; it may also be a count to deliver, so it is not taken as a target',
      },
    ]);
    expect(result.warnings).toEqual([
      'task 18: "全年总计归集数据不低于132万" names no unit after the number; the target\'s unit is left empty',
    ]);
  });
});

describe('the seed unit registry', () => {
  const registry = readUnitRegistry(SEEDS);

  it('knows every unit the plan names', () => {
    expect(unknownUnits(result.plan, registry)).toEqual([]);
  });

  it('lists the ten sub-districts and town as 各街镇, and 各相关单位 as a placeholder', () => {
    expect(registry.groups).toEqual({
      各街镇: [
        '华阳路街道',
        '江苏路街道',
        '新华路街道',
        '天山路街道',
        '周家桥街道',
        '虹桥街道',
        '仙霞新村街道',
        '程家桥街道',
        '北新泾街道',
        '新泾镇',
      ],
      各相关单位: [],
    });
    expect(registry.groups['各街镇'].every((name) => registry.units.includes(name))).toBe(true);
    expect(new Set(registry.units).size).toBe(registry.units.length);
    expect(registry.units).toHaveLength(27);
  });
});
