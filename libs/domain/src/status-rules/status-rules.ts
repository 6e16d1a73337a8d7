import type { StatusRuleEvent, StatusRuleSetConfigured } from '../events/status-rule-events';
import { RuleViolationError } from '../errors';
import type { Command } from '../shared/command';
import { requireRole } from '../shared/authority';
import { requireText } from '../shared/text-rules';

export const STATUS_RULES_STREAM = 'status-rules';

type RuleSetData = StatusRuleSetConfigured['data'];

/** Admin: put a rule set for status lights in force (thresholds, lights, pro-rata tolerance). */
export type ConfigureStatusRules = Command<
  'ConfigureStatusRules',
  Pick<RuleSetData, 'ruleSetId' | 'parameters' | 'rules' | 'reason'> & {
    /** The facts a rule may name, as the read side computes them. */
    readonly knownFacts: readonly string[];
  }
>;

/**
 * The version of the built-in rule set (the read side's DEFAULT_RULE_SET). Configured rule sets
 * number on from it, so a version names one rule set only: version 1 lit done on meeting a
 * lowered target alone; version 2 needs 办结 verified or the target as registered.
 */
export const BUILT_IN_STATUS_RULES_VERSION = 2;

export interface StatusRulesState {
  /** The version in force: the built-in one until a rule set is configured. */
  readonly version: number;
}

export const initialStatusRules = (): StatusRulesState => ({
  version: BUILT_IN_STATUS_RULES_VERSION,
});

export function evolveStatusRules(
  state: StatusRulesState,
  event: StatusRuleEvent,
): StatusRulesState {
  switch (event.type) {
    case 'StatusRuleSetConfigured':
      return { version: event.data.version };
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}

const LIGHT = /^[a-z][a-z0-9-]{0,39}$/;
const RULE_SET_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A rule set must give every obligation a light: its last rule holds always. Each light is a
 * short lower-case name clients can show and filter by; each fact one the read side computes.
 */
export function decideConfigureStatusRules(
  command: ConfigureStatusRules,
  state: StatusRulesState,
): StatusRuleEvent[] {
  requireRole(command.metadata.actor, 'admin');
  const { ruleSetId, parameters, rules, knownFacts } = command.data;
  const reason = requireText(command.data.reason, 'reason');
  if (!RULE_SET_ID.test(ruleSetId))
    throw new RuleViolationError('ruleSetId must be 1–63 lower-case letters, digits and -');
  const { dueSoonDays, scheduleTolerance, utcOffsetMinutes } = parameters;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > 366)
    throw new RuleViolationError('parameters.dueSoonDays must be a whole number of days, 0–366');
  if (!(scheduleTolerance >= 0 && scheduleTolerance <= 1))
    throw new RuleViolationError('parameters.scheduleTolerance must be a share between 0 and 1');
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60)
    throw new RuleViolationError('parameters.utcOffsetMinutes must be whole minutes within ±840');
  if (rules.length === 0) throw new RuleViolationError('rules must name at least one light');
  rules.forEach((rule, i) => {
    if (!LIGHT.test(rule.light))
      throw new RuleViolationError(`rules[${i}].light must be a lower-case name such as at-risk`);
    if (rule.when.length === 0)
      throw new RuleViolationError(`rules[${i}].when must hold at least one list of facts`);
    for (const fact of rule.when.flat())
      if (!knownFacts.includes(fact))
        throw new RuleViolationError(
          `rules[${i}].when: unknown fact '${fact}'; known: ${knownFacts.join(', ')}`,
        );
  });
  const last = rules[rules.length - 1];
  if (!last.when.some((all) => all.length === 1 && all[0] === 'always'))
    throw new RuleViolationError(
      "the last rule must hold always (when: [['always']]), so that every obligation gets a light",
    );
  return [
    {
      type: 'StatusRuleSetConfigured',
      schemaVersion: 1,
      data: {
        ruleSetId,
        version: state.version + 1,
        parameters: { dueSoonDays, scheduleTolerance, utcOffsetMinutes },
        rules: rules.map((r) => ({ light: r.light, when: r.when.map((all) => [...all]) })),
        configuredBy: command.metadata.actor.id,
        reason,
      },
    },
  ];
}

export const statusRulesDecider = {
  decide: decideConfigureStatusRules,
  evolve: evolveStatusRules,
  initialState: initialStatusRules,
};
