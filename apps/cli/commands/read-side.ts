import { SystemClock } from '@duty-ledger/clock';
import type { EventStore } from '@duty-ledger/event-store';
import { openEventStore } from '@duty-ledger/event-store/nest';
import {
  openReadModelDb,
  ProjectionRunner,
  READ_MODELS,
  readModelPath,
} from '@duty-ledger/projections';
import type Database from 'better-sqlite3';
import { loadDataConfig, type DataConfig } from '../../api/config';

export interface ReadSide {
  readonly store: EventStore;
  readonly db: Database.Database;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/** The same store and read-model database the service uses, per the same environment. */
export async function openReadSide(config: DataConfig = loadDataConfig()): Promise<ReadSide> {
  const store = await openEventStore({
    connectionString: config.eventStoreConnectionString,
    ownedStreamPrefixes: config.eventStoreOwnedStreams,
    dataDir: config.dataDir,
    fsync: config.fsync,
  });
  const db = openReadModelDb(readModelPath(config.dataDir));
  const runner = new ProjectionRunner({
    store,
    db,
    projections: READ_MODELS,
    clock: new SystemClock(),
  });
  return {
    store,
    db,
    runner,
    async close() {
      await runner.stop();
      db.close();
      await store.close();
    },
  };
}
