import type { TargetDraft } from './domain';
import { extractTargets } from './targets';

const ctx = { taskNo: 7, year: 2024, planDueDate: '2024-12-31' };
const targetsOf = (text: string): TargetDraft[] => extractTargets(text, ctx).targets;
const only = (text: string): TargetDraft => {
  const { targets, unclassified } = extractTargets(text, ctx);
  expect(unclassified).toEqual([]);
  expect(targets).toHaveLength(1);
  return targets[0];
};
const brief = (t: TargetDraft) => [t.value, t.comparator, t.unit];

describe('comparators (statutory reading)', () => {
  it.each([
    ['新增服务事项10项以上', 10, 'gte', '项'],
    ['培育企业20家及以上', 20, 'gte', '家'],
    ['建设样板校不少于4所', 4, 'gte', '所'],
    ['归集数据不低于132万', 1_320_000, 'gte', ''],
    ['覆盖率达到80%', 80, 'gte', '%'],
    ['相关平台累计达6个', 6, 'gte', '个'],
    ['完成100个小区覆盖', 100, 'gte', '个'],
    ['新增1500家企业上云', 1500, 'gte', '家'],
    ['建成3家智慧养老院', 3, 'gte', '家'],
    ['接入带宽超400Mbps', 400, 'gt', 'Mbps'],
    ['服务满意度超过90%', 90, 'gt', '%'],
    ['空置率控制在5%以内', 5, 'lte', '%'],
    ['空置率5%以下', 5, 'lte', '%'],
    ['投诉件数不超过30件', 30, 'lte', '件'],
    ['办理时限压缩至3个工作日', 3, 'lte', '个工作日'],
    ['差错率不满1%', 1, 'lt', '%'],
    ['差错率低于2%', 2, 'lt', '%'],
    ['故障次数少于3次', 3, 'lt', '次'],
    ['服务网点约50个左右', 50, 'eq', '个'],
  ])('%s → %d %s %s', (text, value, comparator, unit) => {
    expect(brief(only(text))).toEqual([value, comparator, unit]);
  });
});

describe('multipliers and units', () => {
  it('applies 万 and 亿 to the value when the unit is not money', () => {
    expect(brief(only('服务群众5万人次'))).toEqual([50_000, 'gte', '人次']);
    expect(brief(only('新增绿地1.2万平方米'))).toEqual([12_000, 'gte', '平方米']);
    expect(brief(only('累计调用3亿次'))).toEqual([300_000_000, 'gte', '次']);
  });

  it('keeps money in its stated unit', () => {
    expect(only('完成营业收入2900亿元')).toMatchObject({
      value: 2900,
      unit: '亿元',
      measure: 'money',
    });
    expect(only('投入资金500万元')).toMatchObject({ value: 500, unit: '万元', measure: 'money' });
    expect(only('补贴3000元')).toMatchObject({ value: 3000, unit: '元', measure: 'money' });
    expect(only('产值1.5万亿元')).toMatchObject({ value: 15_000, unit: '亿元', measure: 'money' });
  });

  it('leaves the unit empty and says so when only 万 follows the number', () => {
    const { targets, warnings } = extractTargets('全年总计归集数据不低于132万。', ctx);
    expect(targets).toEqual([
      {
        metric: '归集数据',
        value: 1_320_000,
        unit: '',
        comparator: 'gte',
        kind: 'in-period',
        measure: 'count',
        sourceText: '全年总计归集数据不低于132万',
      },
    ]);
    expect(warnings).toEqual([
      'task 7: "全年总计归集数据不低于132万" names no unit after the number; the target\'s unit is left empty',
    ]);
  });

  it('reads percentages in both widths, percentage points and 倍 as ratios', () => {
    expect(only('覆盖率达到８０％')).toMatchObject({ value: 80, unit: '％', measure: 'ratio' });
    expect(only('占比提高2个百分点')).toMatchObject({
      value: 2,
      unit: '个百分点',
      measure: 'ratio',
    });
    expect(only('效率提升2倍')).toMatchObject({ value: 2, unit: '倍', measure: 'ratio' });
  });

  it('reads 个以上 and a thousands comma', () => {
    expect(only('打造标杆“一件事”2个以上')).toMatchObject({
      value: 2,
      comparator: 'gte',
      unit: '个',
    });
    expect(only('累计培育企业1,900家')).toMatchObject({ value: 1900, unit: '家' });
  });

  it('reads a duration with a comparator as a level', () => {
    expect(only('响应时间5分钟以内')).toMatchObject({
      value: 5,
      unit: '分钟',
      comparator: 'lte',
      kind: 'level',
      measure: 'level',
    });
    expect(only('3个工作日内办结')).toMatchObject({
      value: 3,
      unit: '个工作日',
      comparator: 'lte',
    });
  });
});

describe('kinds and measures', () => {
  it('累计 is cumulative', () => {
    expect(only('累计培育集聚数字经济企业1900家')).toMatchObject({
      kind: 'cumulative',
      measure: 'count',
      metric: '培育集聚数字经济企业',
    });
    expect(only('集聚科创新空间累计15家')).toMatchObject({ kind: 'cumulative' });
  });

  it('新增/全年/完成/建成/创建/打造 and plain counts are in-period', () => {
    for (const text of [
      '新增456户独居老年人智能水表安装监测',
      '全年营收3058亿元',
      '完成居家环境适老化改造300户',
      '创建3家互联网医院',
      '打造2个标杆项目',
      '集聚72家成员',
    ]) {
      expect(only(text).kind).toBe('in-period');
    }
  });

  it('rates and bandwidths are levels', () => {
    expect(only('实现全区智慧道路覆盖率达到80%')).toMatchObject({
      metric: '全区智慧道路覆盖率',
      kind: 'level',
      measure: 'ratio',
    });
    expect(only('固定宽带平均接入带宽超400Mbps')).toMatchObject({
      metric: '固定宽带平均接入带宽',
      kind: 'level',
      measure: 'level',
    });
  });

  it('shares 累计 across a 、 list in one clause', () => {
    const targets = targetsOf('累计建成智慧工地3个、智慧菜场5家。');
    expect(targets.map((t) => [t.metric, t.value, t.unit, t.kind])).toEqual([
      ['智慧工地', 3, '个', 'cumulative'],
      ['智慧菜场', 5, '家', 'cumulative'],
    ]);
    expect(targets.every((t) => t.sourceText === '累计建成智慧工地3个、智慧菜场5家')).toBe(true);
  });
});

describe('metric and source text', () => {
  it('takes the words after the unit when the number comes first', () => {
    expect(only('完成100个住宅小区地下车库移动通信网络覆盖')).toEqual({
      metric: '住宅小区地下车库移动通信网络覆盖',
      value: 100,
      unit: '个',
      comparator: 'gte',
      kind: 'in-period',
      measure: 'count',
      sourceText: '完成100个住宅小区地下车库移动通信网络覆盖',
    });
  });

  it('drops a trailing parenthetical and stops before another quoted name', () => {
    expect(only('培育2家龙头企业(头部企业、独角兽企业等)').metric).toBe('培育龙头企业');
    const { targets } = extractTargets(
      '积极推进市级重点新增7个“一件事”和优化的“12件事”在长宁落地',
      ctx,
    );
    expect(targets.map((t) => t.metric)).toEqual(['市级重点“一件事”']);
  });

  it('reads one target per clause, with the clause as its source', () => {
    const targets = targetsOf(
      '高标准打造科创街区,相关创新功能性平台累计达6个,高成长性的科技企业累计达800家。完成营业收入2900亿元。',
    );
    expect(targets.map((t) => t.sourceText)).toEqual([
      '相关创新功能性平台累计达6个',
      '高成长性的科技企业累计达800家',
      '完成营业收入2900亿元',
    ]);
  });

  it('gives a target the deadline of its clause when it differs from the plan', () => {
    const targets = targetsOf('6月底前完成10个场景建设,年底前完成20个。');
    expect(targets.map((t) => t.dueDate)).toEqual(['2024-06-30', undefined]);
  });
});

describe('numbers that are not targets', () => {
  it.each([
    ['years', '制定2024年度工作方案,2025年底前完成部署,落实2024-2026年行动计划'],
    [
      'plan names in Chinese numerals',
      '研究并形成“十五五”城市数字化转型前期重大课题成果报告,依据“十四五”规划',
    ],
    ['counts in Chinese numerals', '聚焦四大领域和五大智能赛道'],
    ['response standards', '完善“5分钟推送现场视频、15分钟上线视频会议”应急响应机制'],
    ['an unquoted response standard', '做到5分钟到场处置'],
    ['names containing digits', '加快数字赋能“15分钟社区美好生活圈”行动'],
    ['technical names', '推进5G室外基站建设,重点发力“AI+”细分赛道,开展DCMM贯标,推广H5应用和3D打印'],
    ['document titles', '依据《长宁区2024年数字化转型3年行动计划》'],
    ['dates and ordinals', '于6月15日前上线,第3季度完成验收'],
    ['names like 1+N', '构建“1+N”政策体系和1+3服务模式'],
  ])('%s', (_name, text) => {
    expect(extractTargets(text, ctx)).toEqual({ targets: [], unclassified: [], warnings: [] });
  });
});

describe('unclassified numbers', () => {
  it('reports a count inside a quoted name', () => {
    const sentence = '积极推进市级重点新增7个“一件事”和优化的“12件事”在长宁落地';
    expect(extractTargets(`${sentence}。`, ctx).unclassified).toEqual([
      {
        taskNo: 7,
        sentence,
        fragment: '12件',
        reason:
          'inside a quoted name; it may also be a count to deliver, so it is not taken as a target',
      },
    ]);
  });

  it('reports a range', () => {
    const { targets, unclassified } = extractTargets('新建3-5家社区食堂', ctx);
    expect(targets).toEqual([]);
    expect(unclassified.map((u) => [u.fragment, u.reason])).toEqual([
      ['3', 'a range: which end is the target?'],
    ]);
  });

  it('reports a number without a unit', () => {
    const { targets, unclassified } = extractTargets('进入全国百强榜前20强', ctx);
    expect(targets).toEqual([]);
    expect(unclassified.map((u) => u.reason)).toEqual(['a number without a recognised unit']);
  });

  it('reports a baseline-and-target phrase instead of guessing', () => {
    const { targets, unclassified } = extractTargets('应用场景由10个提高到20个', ctx);
    expect(targets).toEqual([]);
    expect(unclassified.map((u) => u.fragment)).toEqual(['10个', '20个']);
  });

  it('reports a duration without a comparator at the end of a phrase', () => {
    const { unclassified } = extractTargets('平均办理时长3天', ctx);
    expect(unclassified.map((u) => [u.fragment, u.reason])).toEqual([
      ['3天', 'a duration with no comparator (以内, 不超过 …)'],
    ]);
  });
});
