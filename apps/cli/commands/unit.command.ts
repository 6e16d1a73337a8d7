import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { addUnit } from '@duty-ledger/commands';
import { isDomainError, type Actor } from '@duty-ledger/domain';
import { openEventStore } from '@duty-ledger/event-store/nest';
import { readUnitRegistry } from '@duty-ledger/plan-import';
import { loadDataConfig } from '../../api/config';

export function registerUnitCommand(program: Command): void {
  const unit = program.command('unit').description('The unit registry.');
  unit
    .command('add')
    .description(
      'Adds a unit to the registry (as the event UnitAdded), so that it can be assigned.',
    )
    .requiredOption('--name <单位>', 'the unit as plans and tokens name it (e.g. 区数据局)')
    .option('--reason <理由>', 'why it is added')
    .option('--by <id>', 'who adds it (recorded as the actor)', `cli:${userInfo().username}`)
    .action(async (options: { name: string; reason?: string; by: string }) => {
      process.exitCode = await add(options);
    });
}

async function add(options: { name: string; reason?: string; by: string }): Promise<number> {
  const config = loadDataConfig();
  const store = await openEventStore({
    connectionString: config.eventStoreConnectionString,
    dataDir: config.dataDir,
    fsync: config.fsync,
  });
  const actor: Actor = { id: options.by, role: 'admin' };
  const commandId = randomUUID();
  const now = new Date().toISOString();
  try {
    const outcome = await addUnit(
      store,
      readUnitRegistry(config.seedsDir),
      { name: options.name, ...(options.reason ? { reason: options.reason } : {}) },
      { actor, now, commandId },
      {
        metadata: {
          actor: { ...actor },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt: now,
        },
        recordedAt: () => new Date().toISOString(),
      },
    );
    console.log(`added ${outcome.name} (registry revision ${outcome.revision})`);
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
