import { randomUUID } from 'node:crypto';
import { isDomainError, type Actor, type CommandMetadata } from '@duty-ledger/domain';
import type { EventStore, JsonObject } from '@duty-ledger/event-store';
import { openEventStore } from '@duty-ledger/event-store/nest';
import { loadDataConfig, type DataConfig } from '../../api/config';

export interface AdminAct {
  readonly store: EventStore;
  readonly config: DataConfig;
  readonly command: CommandMetadata;
  readonly options: { metadata: JsonObject; recordedAt: () => string };
}

/**
 * Runs one admin command on the store of DATA_DIR (or EventStoreDB), as `by`: opens the store,
 * stamps the metadata the service would, prints a refusal's message (exit 1), closes the store.
 */
export async function asAdmin(
  by: string,
  act: (context: AdminAct) => Promise<string>,
): Promise<number> {
  const config = loadDataConfig();
  const store = await openEventStore({
    connectionString: config.eventStoreConnectionString,
    dataDir: config.dataDir,
    fsync: config.fsync,
  });
  const actor: Actor = { id: by, role: 'admin' };
  const commandId = randomUUID();
  const now = new Date().toISOString();
  try {
    console.log(
      await act({
        store,
        config,
        command: { actor, now, commandId },
        options: {
          metadata: {
            actor: { ...actor },
            commandId,
            correlationId: commandId,
            causationId: commandId,
            occurredAt: now,
          },
          recordedAt: () => new Date().toISOString(),
        },
      }),
    );
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
