/**
 * How a target's value is compared, by the PRC statutory reading (Civil Code art. 1259):
 * 以上/以内/不少于/不低于/达到/完成 include the number (gte / lte), 超过/超/不满 exclude it (gt / lt).
 */
export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';

/**
 * cumulative: a running total since before the plan year (累计);
 * in-period: counted within the plan year (新增, 全年, 完成 N);
 * level: a state measured at a moment (覆盖率达到80%, 带宽超400Mbps).
 */
export type TargetKind = 'cumulative' | 'in-period' | 'level';

export type MeasureKind = 'count' | 'ratio' | 'level' | 'money' | 'yes-no';

export function meetsTarget(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case 'gte':
      return value >= target;
    case 'gt':
      return value > target;
    case 'lte':
      return value <= target;
    case 'lt':
      return value < target;
    case 'eq':
      return value === target;
  }
}
