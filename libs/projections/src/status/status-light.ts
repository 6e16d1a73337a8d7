import { meetsTarget, type Comparator, type TargetKind } from '@duty-ledger/domain';
import { dueInstantOf, yearStartOf } from './day-instants';
import type { StatusFact, StatusRuleSet } from './rule-set';

export interface ScoredTerms {
  readonly value: number;
  readonly comparator: Comparator;
}

/** What a light is computed from: one obligation (or target) as it stood, and an instant. */
export interface StatusInput {
  readonly dueDate: string;
  /** The plan's year: its schedule runs from 1 January of it. */
  readonly planYear: number;
  /** Absent for a task without a quantified target. */
  readonly current?: ScoredTerms;
  readonly original?: ScoredTerms;
  readonly kind?: TargetKind;
  readonly baseline?: number;
  readonly latestValue?: number;
  readonly completion: 'open' | 'claimed' | 'verified';
  readonly leadAcknowledged: boolean;
}

export interface StatusAssessment {
  readonly light: string;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  /** Undefined without a quantified target or a report. */
  readonly metCurrent?: boolean;
  readonly metOriginal?: boolean;
  /** Share of the current target reached (1 = met); undefined without a target or a report. */
  readonly progress?: number;
  /** Share of the way from the plan's start to the due date that has elapsed (序时进度). */
  readonly expectedProgress: number;
}

/**
 * How far a value has come towards a target, as a share (1 = reached). Higher-is-better targets
 * (gte, gt) divide by the target, or for cumulative ones with a baseline measure the way from the
 * baseline: (v − baseline) / (target − baseline). Lower-is-better targets (lte, lt) mirror that.
 */
export function progressTowards(
  value: number,
  target: ScoredTerms,
  kind?: TargetKind,
  baseline?: number,
): number {
  const fromBaseline = kind === 'cumulative' && baseline !== undefined && baseline !== target.value;
  switch (target.comparator) {
    case 'gte':
    case 'gt':
    case 'eq':
      if (fromBaseline)
        return (value - (baseline as number)) / (target.value - (baseline as number));
      return target.value === 0 ? (value >= 0 ? 1 : 0) : value / target.value;
    case 'lte':
    case 'lt':
      if (fromBaseline)
        return ((baseline as number) - value) / ((baseline as number) - target.value);
      return value <= 0 ? 1 : target.value / value;
  }
}

/** Elapsed share of the schedule from 1 January of the plan year to the end of the due date. */
export function expectedProgress(
  planYear: number,
  dueDate: string,
  now: number,
  utcOffsetMinutes: number,
): number {
  const start = yearStartOf(planYear, utcOffsetMinutes);
  const end = dueInstantOf(dueDate, utcOffsetMinutes);
  if (end <= start) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/**
 * Facts as bits, so that a rule set is matched with a few integer masks instead of sets: this
 * runs once per row of every listing.
 */
const FACT_BITS: Readonly<Record<StatusFact, number>> = {
  always: 1,
  verified: 2,
  metCurrent: 4,
  metOriginal: 8,
  pastDue: 16,
  dueSoon: 32,
  leadNotAcknowledged: 64,
  behindSchedule: 128,
  noReport: 256,
};
/** Every fact a rule may name. */
export const STATUS_FACTS = Object.keys(FACT_BITS) as StatusFact[];

/** The bits of a set of facts. */
export const factMask = (facts: Iterable<StatusFact>): number => {
  let mask = 0;
  for (const fact of facts) mask |= FACT_BITS[fact];
  return mask;
};

export const hasFact = (mask: number, fact: StatusFact): boolean => (mask & FACT_BITS[fact]) !== 0;

/** A rule set as masks: a rule holds when one of its masks is wholly set. */
interface CompiledRules {
  readonly rules: readonly { readonly light: string; readonly masks: readonly number[] }[];
}
const compiledRuleSets = new WeakMap<StatusRuleSet, CompiledRules>();

function compile(ruleSet: StatusRuleSet): CompiledRules {
  let compiled = compiledRuleSets.get(ruleSet);
  if (!compiled) {
    compiled = {
      rules: ruleSet.rules.map((rule) => ({ light: rule.light, masks: rule.when.map(factMask) })),
    };
    compiledRuleSets.set(ruleSet, compiled);
  }
  return compiled;
}

/** The light the first rule that holds gives, for facts as bits (see `factsAt`). */
export function lightOfMask(mask: number, ruleSet: StatusRuleSet): string {
  for (const rule of compile(ruleSet).rules) {
    for (const all of rule.masks) if ((mask & all) === all) return rule.light;
  }
  throw new Error(
    `Rule set ${ruleSet.id}@${ruleSet.version} gives no light; end it with an 'always' rule`,
  );
}

export interface FactsAt {
  /** The facts that hold, as bits (see `hasFact`). */
  readonly mask: number;
  readonly metCurrent: boolean | undefined;
  readonly metOriginal: boolean | undefined;
  readonly progress: number | undefined;
  readonly expectedProgress: number;
}

/** The facts of one obligation at an instant (ms since the epoch). */
export function factsAt(input: StatusInput, nowMs: number, ruleSet: StatusRuleSet): FactsAt {
  const { dueSoonDays, scheduleTolerance, utcOffsetMinutes } = ruleSet.parameters;
  const due = dueInstantOf(input.dueDate, utcOffsetMinutes);
  const expected = expectedProgress(input.planYear, input.dueDate, nowMs, utcOffsetMinutes);
  const { current, original, latestValue } = input;
  const reported = current !== undefined && latestValue !== undefined;
  const metCurrent = reported
    ? meetsTarget(latestValue, current.comparator, current.value)
    : undefined;
  const metOriginal =
    original !== undefined && latestValue !== undefined
      ? meetsTarget(latestValue, original.comparator, original.value)
      : undefined;
  const progress = reported
    ? progressTowards(latestValue, current, input.kind, input.baseline)
    : undefined;
  let mask = FACT_BITS.always;
  if (input.completion === 'verified') mask |= FACT_BITS.verified;
  if (metCurrent) mask |= FACT_BITS.metCurrent;
  if (metOriginal) mask |= FACT_BITS.metOriginal;
  if (nowMs >= due) mask |= FACT_BITS.pastDue;
  else if (due - nowMs <= dueSoonDays * 86_400_000) mask |= FACT_BITS.dueSoon;
  if (!input.leadAcknowledged) mask |= FACT_BITS.leadNotAcknowledged;
  if (current !== undefined && !reported) mask |= FACT_BITS.noReport;
  if (current !== undefined && !metCurrent && (progress ?? 0) < expected - scheduleTolerance)
    mask |= FACT_BITS.behindSchedule;
  return { mask, metCurrent, metOriginal, progress, expectedProgress: expected };
}

export function statusFacts(
  input: StatusInput,
  now: Date,
  ruleSet: StatusRuleSet,
): {
  facts: ReadonlySet<StatusFact>;
  assessment: Omit<StatusAssessment, 'light' | 'ruleSetId' | 'ruleSetVersion'>;
} {
  const { mask, metCurrent, metOriginal, progress, expectedProgress } = factsAt(
    input,
    now.getTime(),
    ruleSet,
  );
  return {
    facts: new Set(STATUS_FACTS.filter((fact) => hasFact(mask, fact))),
    assessment: { metCurrent, metOriginal, progress, expectedProgress },
  };
}

/** The light the first rule that holds gives. */
export function lightFor(facts: ReadonlySet<StatusFact>, ruleSet: StatusRuleSet): string {
  return lightOfMask(factMask(facts), ruleSet);
}

/** The light of one obligation at an instant (ms) under a rule set: computed on every query. */
export function assessStatusAt(
  input: StatusInput,
  nowMs: number,
  ruleSet: StatusRuleSet,
): StatusAssessment {
  const facts = factsAt(input, nowMs, ruleSet);
  return {
    light: lightOfMask(facts.mask, ruleSet),
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    metCurrent: facts.metCurrent,
    metOriginal: facts.metOriginal,
    progress: facts.progress,
    expectedProgress: facts.expectedProgress,
  };
}

/** The light of one obligation at `now` under a rule set: computed on every query, never stored. */
export function assessStatus(
  input: StatusInput,
  now: Date,
  ruleSet: StatusRuleSet,
): StatusAssessment {
  return assessStatusAt(input, now.getTime(), ruleSet);
}
