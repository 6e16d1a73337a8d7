import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { configureStatusRules, type StatusRulesInput } from '@duty-ledger/commands';
import { asAdmin } from './admin-command';

export function registerStatusRulesCommand(program: Command): void {
  program
    .command('status-rules')
    .description('Status-light rules.')
    .command('set')
    .description(
      'Puts a rule set in force from now (as the event StatusRuleSetConfigured). The file holds ' +
        '{ruleSetId, parameters: {dueSoonDays, scheduleTolerance, utcOffsetMinutes}, rules: [{light, when}]}.',
    )
    .requiredOption('--file <rules.json>', 'the rule set as JSON')
    .requiredOption('--reason <理由>', 'why the rules change')
    .option('--by <id>', 'who sets them (recorded as the actor)', `cli:${userInfo().username}`)
    .action(async (options: { file: string; reason: string; by: string }) => {
      process.exitCode = await set(options);
    });
}

async function set(options: { file: string; reason: string; by: string }): Promise<number> {
  const parsed = JSON.parse(readFileSync(options.file, 'utf8')) as Partial<StatusRulesInput>;
  const input: StatusRulesInput = {
    ruleSetId: parsed.ruleSetId ?? 'default',
    parameters: {
      utcOffsetMinutes: 480,
      ...(parsed.parameters ?? {}),
    } as StatusRulesInput['parameters'],
    rules: parsed.rules ?? [],
    reason: options.reason,
  };
  return asAdmin(options.by, async ({ store, command, options: o }) => {
    const outcome = await configureStatusRules(store, input, command, o);
    return `rule set ${outcome.ruleSetId} version ${outcome.version} in force`;
  });
}
