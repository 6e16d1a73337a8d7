import type { StatusRuleSetConfigured } from '../events/status-rule-events';
import { deciderSpec } from '../testing/given-when-then';
import { admin, command, supervisor } from '../testing/task-fixtures';
import { statusRulesDecider } from './status-rules';

const { given } = deciderSpec(statusRulesDecider);
const knownFacts = ['always', 'verified', 'pastDue', 'dueSoon'];
const input = {
  ruleSetId: 'changning-2024',
  parameters: { dueSoonDays: 14, scheduleTolerance: 0.1, utcOffsetMinutes: 480 },
  rules: [
    { light: 'done', when: [['verified']] },
    { light: 'late', when: [['pastDue']] },
    { light: 'fine', when: [['always']] },
  ],
  reason: '督查室决定',
  knownFacts,
};
const configure = (data: Partial<typeof input> = {}, actor = admin) =>
  command('ConfigureStatusRules', { ...input, ...data }, actor);
const configured = (version: number): StatusRuleSetConfigured => ({
  type: 'StatusRuleSetConfigured',
  schemaVersion: 1,
  data: {
    ruleSetId: 'changning-2024',
    version,
    parameters: input.parameters,
    rules: input.rules,
    configuredBy: admin.id,
    reason: '督查室决定',
  },
});

describe('ConfigureStatusRules', () => {
  it('given the built-in rules (version 2), when an admin configures a rule set, then it is version 3, and then 4', () => {
    given().when(configure()).then(configured(3));
    given(configured(3)).when(configure()).then(configured(4));
  });

  it('refuses what would leave an obligation without a light or name what the read side cannot compute', () => {
    given().when(configure({}, supervisor)).thenThrows('forbidden');
    given()
      .when(configure({ rules: input.rules.slice(0, 2) }))
      .thenThrows('rule-violation', 'hold always');
    given()
      .when(configure({ rules: [{ light: 'x', when: [['moonIsFull']] }, ...input.rules] }))
      .thenThrows('rule-violation', "unknown fact 'moonIsFull'");
    given()
      .when(configure({ rules: [{ light: 'Bad Light', when: [['always']] }] }))
      .thenThrows('rule-violation', 'light');
    given()
      .when(configure({ parameters: { ...input.parameters, scheduleTolerance: 2 } }))
      .thenThrows('rule-violation', 'scheduleTolerance');
    given()
      .when(configure({ reason: ' ' }))
      .thenThrows('rule-violation', 'reason');
  });
});
