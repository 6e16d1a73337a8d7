import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { addUnit } from '@duty-ledger/commands';
import { readUnitRegistry } from '@duty-ledger/plan-import';
import { asAdmin } from './admin-command';

export function registerUnitCommand(program: Command): void {
  program
    .command('unit')
    .description('The unit registry.')
    .command('add')
    .description(
      'Adds a unit to the registry (as the event UnitAdded), so that it can be assigned.',
    )
    .requiredOption('--name <单位>', 'the unit as plans and tokens name it (e.g. 区数据局)')
    .option('--reason <理由>', 'why it is added')
    .option('--by <id>', 'who adds it (recorded as the actor)', `cli:${userInfo().username}`)
    .action(async (options: { name: string; reason?: string; by: string }) => {
      process.exitCode = await asAdmin(
        options.by,
        async ({ store, config, command, options: o }) => {
          const unit = {
            name: options.name,
            ...(options.reason ? { reason: options.reason } : {}),
          };
          const outcome = await addUnit(store, readUnitRegistry(config.seedsDir), unit, command, o);
          return `added ${outcome.name} (registry revision ${outcome.revision})`;
        },
      );
    });
}
