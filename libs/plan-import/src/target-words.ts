import type { Comparator, MeasureKind } from './domain';

/**
 * The words of quantified targets. Comparators follow the statutory reading (PRC Civil Code
 * art. 1259): 以上/以下/以内 include the number; 超过/不满 exclude it.
 */

const words = (list: string): string[] => list.trim().split(/\s+/);
const tagged = <T>(list: string, tag: T): [string, T][] => words(list).map((w) => [w, tag]);
const byLengthDesc = <T>(rows: [string, T][]): [string, T][] =>
  [...rows].sort((a, b) => b[0].length - a[0].length);

/** Words just before the number: "不少于4所", "超400Mbps", "达到80%". */
export const COMPARATOR_BEFORE: readonly (readonly [string, Comparator])[] =
  byLengthDesc<Comparator>([
    ...tagged(
      '不少于 不低于 不小于 至少 达到 达 提高到 提高至 提升到 提升至 增加到 增加至 增长到 增长至',
      'gte' as const,
    ),
    ...tagged('超过 高于 大于 多于 超', 'gt' as const),
    ...tagged(
      '不超过 不高于 不大于 不多于 最多 控制在 压缩至 压缩到 压减至 压减到 降低至 降低到 降至 降到 减少至 减少到 缩短至 缩短到',
      'lte' as const,
    ),
    ...tagged('不满 不足 低于 少于 小于', 'lt' as const),
  ]);

/** "增长6%左右": about the value, recorded as comparator 'eq' with approximate set. */
const APPROXIMATE_WORD = '左右';
export const APPROXIMATE = APPROXIMATE_WORD;

/** Words just after the unit: "10项以上", "5%以内". */
export const COMPARATOR_AFTER: readonly (readonly [string, Comparator])[] =
  byLengthDesc<Comparator>([
    ...tagged('及以上 以上', 'gte' as const),
    ...tagged('及以下 以下 以内 之内', 'lte' as const),
    [APPROXIMATE_WORD, 'eq'],
  ]);
/** 内 closes a comparator only after a duration: "3个工作日内" (never "3家内资企业"). */
export const DURATION_WITHIN = '内';

export type UnitClass = MeasureKind | 'duration';

/** Units after a number (after 万/亿 when present), longest first. 元 is handled with 万/亿. */
export const UNITS: readonly (readonly [string, UnitClass])[] = byLengthDesc<UnitClass>([
  ...tagged('个百分点 百分点 % ％ 倍', 'ratio' as const),
  ...tagged('Mbps Gbps Kbps Tbps MB GB TB PB kW MW GW 千瓦 兆瓦', 'level' as const),
  ...tagged('分钟 小时 秒 个工作日 工作日 天 日 个月 周 年', 'duration' as const),
  ...tagged(
    `平方公里 平方米 公里 千米 km 公顷 亩 米 吨 人次 户次 件次 个 家 项 所 户 件 名 人 次 条 台 座 处
     套 栋 幢 辆 张 场 批 间 床 本 册 份 篇 类 款 种 部 支 根 站 宗 例 位 期 届 棵 株 校`,
    'count' as const,
  ),
]);

/** Words opening a metric phrase that say how, not what: stripped from the metric. */
export const LEADING_FILLERS = words(
  '积极推进 持续推进 加快推进 积极 持续 进一步 努力 力争 计划 确保 实现 全年 年内 总计 累计 新增 完成 建成 创建 打造 营造 新建 目标',
);

/** Words closing a metric phrase just before the number: stripped, with the comparators. */
export const TRAILING_FILLERS = [
  ...COMPARATOR_BEFORE.map(([w]) => w),
  ...words('累计 总计 共计 合计 目标 新增 完成 建成 创建 打造 营造 新建'),
];

/** Metrics ending like this are levels (a state at a moment), not counts of things done. */
export const LEVEL_METRIC = /(率|占比|比例|比重|带宽|速率|速度|水平|指数|满意度)$/;

/** A rate ending in these words is growth over the period ("地区生产总值增长7%"), not a level. */
export const GROWTH_METRIC = /(增长|增速|增幅|提高|提升|下降|降低|减少)$/;

export const CUMULATIVE_WORDS = /累计|累积/;
