import { meetsTarget, type Comparator, type TargetKind } from '@duty-ledger/domain';
import { dayStart, dueInstant } from '../shared/time';
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
  const start = dayStart(`${planYear}-01-01`, utcOffsetMinutes);
  const end = dueInstant(dueDate, utcOffsetMinutes);
  if (end <= start) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

export function statusFacts(
  input: StatusInput,
  now: Date,
  ruleSet: StatusRuleSet,
): {
  facts: ReadonlySet<StatusFact>;
  assessment: Omit<StatusAssessment, 'light' | 'ruleSetId' | 'ruleSetVersion'>;
} {
  const { dueSoonDays, scheduleTolerance, utcOffsetMinutes } = ruleSet.parameters;
  const nowMs = now.getTime();
  const due = dueInstant(input.dueDate, utcOffsetMinutes);
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

  const facts = new Set<StatusFact>(['always']);
  if (input.completion === 'verified') facts.add('verified');
  if (metCurrent) facts.add('metCurrent');
  if (metOriginal) facts.add('metOriginal');
  if (nowMs >= due) facts.add('pastDue');
  else if (due - nowMs <= dueSoonDays * 86_400_000) facts.add('dueSoon');
  if (!input.leadAcknowledged) facts.add('leadNotAcknowledged');
  if (current !== undefined && !reported) facts.add('noReport');
  if (current !== undefined && !metCurrent && (progress ?? 0) < expected - scheduleTolerance)
    facts.add('behindSchedule');

  return { facts, assessment: { metCurrent, metOriginal, progress, expectedProgress: expected } };
}

/** The light the first rule that holds gives. */
export function lightFor(facts: ReadonlySet<StatusFact>, ruleSet: StatusRuleSet): string {
  const rule = ruleSet.rules.find((r) =>
    r.when.some((all) => all.every((fact) => facts.has(fact))),
  );
  if (!rule)
    throw new Error(
      `Rule set ${ruleSet.id}@${ruleSet.version} gives no light; end it with an 'always' rule`,
    );
  return rule.light;
}

/** The light of one obligation at `now` under a rule set: computed on every query, never stored. */
export function assessStatus(
  input: StatusInput,
  now: Date,
  ruleSet: StatusRuleSet,
): StatusAssessment {
  const { facts, assessment } = statusFacts(input, now, ruleSet);
  return {
    light: lightFor(facts, ruleSet),
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    ...assessment,
  };
}
