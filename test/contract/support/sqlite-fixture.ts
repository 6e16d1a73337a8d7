import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SqliteEventStore,
  type EventStore,
  type SqliteEventStoreOptions,
} from '@duty-ledger/event-store';
import type { ContractFactory, ContractFixture } from '../event-store.contract';

export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'duty-ledger-events-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A contract factory: each fixture is a fresh database file in its own temp dir. */
export function sqliteContractFactory(
  extra: Partial<SqliteEventStoreOptions> = {},
): ContractFactory {
  return async (options = {}): Promise<ContractFixture> => {
    const temp = await makeTempDir();
    const path = join(temp.dir, 'events.sqlite');
    const open = (): SqliteEventStore =>
      SqliteEventStore.open({ ...extra, path, upcasters: options.upcasters });
    let current: EventStore = open();
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = open();
        return current;
      },
      cleanup: async () => {
        await current.close();
        await temp.remove();
      },
    };
  };
}
