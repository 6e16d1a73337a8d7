import { BUILT_IN_STATUS_RULES_VERSION } from '@duty-ledger/domain';
/**
 * Status lights are rules, not facts, and every place draws them differently; so they are data: an
 * ordered list of rules, the first that holds names the light. A rule holds when any of its
 * alternatives holds, and an alternative when all of its facts do (see StatusFact).
 */

/** Facts about one obligation at one instant, computed by `statusFacts`. */
export type StatusFact =
  | 'always'
  /** Completion verified by a supervisor. */
  | 'verified'
  /** The latest reported value meets the current target. */
  | 'metCurrent'
  /** The latest reported value meets the target as first registered. */
  | 'metOriginal'
  /** The due date has run out (end of the day, China time). */
  | 'pastDue'
  /** Due within `dueSoonDays`, not yet past due. */
  | 'dueSoon'
  /** Not every lead has acknowledged the current terms. */
  | 'leadNotAcknowledged'
  /** A quantified target whose progress is below the pro-rata schedule (序时进度). */
  | 'behindSchedule'
  /** A quantified target with no report yet. */
  | 'noReport';

export interface StatusRule {
  readonly light: string;
  readonly when: readonly (readonly StatusFact[])[];
}

export interface StatusParameters {
  readonly dueSoonDays: number;
  /** Progress may trail the pro-rata share by this much (0.1 = ten points) before it is behind. */
  readonly scheduleTolerance: number;
  /** Offset of the plan's calendar from UTC, in minutes (China: +480). */
  readonly utcOffsetMinutes: number;
}

export interface StatusRuleSet {
  readonly id: string;
  readonly version: number;
  readonly parameters: StatusParameters;
  /** Ordered; the last should hold always, so every obligation gets a light. */
  readonly rules: readonly StatusRule[];
}

/**
 * Done is 办结 verified, or a reported value that meets the target as registered. A value that
 * meets only a lowered target is not done until a supervisor verifies completion: a lowering must
 * not turn a light green by itself (version 1 lit done on meeting the current target alone).
 */
export const DEFAULT_RULE_SET: StatusRuleSet = {
  id: 'default',
  version: BUILT_IN_STATUS_RULES_VERSION,
  parameters: { dueSoonDays: 30, scheduleTolerance: 0, utcOffsetMinutes: 480 },
  rules: [
    { light: 'done', when: [['verified'], ['metCurrent', 'metOriginal']] },
    { light: 'overdue', when: [['pastDue']] },
    { light: 'not-acknowledged', when: [['leadNotAcknowledged']] },
    { light: 'at-risk', when: [['behindSchedule'], ['dueSoon']] },
    { light: 'on-track', when: [['always']] },
  ],
};

export const lightsOf = (ruleSet: StatusRuleSet): readonly string[] => [
  ...new Set(ruleSet.rules.map((r) => r.light)),
];
