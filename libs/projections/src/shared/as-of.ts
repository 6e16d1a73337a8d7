import type { StatusRuleSet } from '../status/rule-set';

export interface AsOfOptions {
  /** ISO instant: the answer is exactly what was recorded up to it; lights are computed at it too. */
  readonly asOf: string | Date;
  readonly ruleSet?: StatusRuleSet;
}
