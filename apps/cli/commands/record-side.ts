import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@duty-ledger/event-store';
import { openEventStore } from '@duty-ledger/event-store/nest';
import {
  readPublicKey,
  sealKeyPath,
  type RecordedAtKeeping,
  type TrustedKeys,
} from '@duty-ledger/record-integrity';
import { dataDirFrom, loadDataConfig } from '../../api/config';

/** The embedded store's file in a data directory. */
export function eventsFile(dataDir: string): string {
  return join(dataDir, 'events.sqlite');
}

export interface LogStore {
  readonly store: EventStore;
  /** How it is named to the user. */
  readonly name: string;
  /** Events in the log, when the store can tell cheaply (the embedded store's head position). */
  readonly size: number | undefined;
}

/**
 * The log as stored, never upcast: the store named by a connection string, else the service's
 * (EVENTSTORE_CONNECTION_STRING, or the embedded store in DATA_DIR).
 */
export async function openLog(
  source: { readonly connectionString?: string; readonly embedded?: boolean } = {},
): Promise<LogStore> {
  const esdb = source.embedded
    ? undefined
    : (source.connectionString ?? process.env.EVENTSTORE_CONNECTION_STRING);
  const config = loadDataConfig();
  const store = await openEventStore({
    connectionString: esdb,
    dataDir: config.dataDir,
    ownedStreamPrefixes: config.eventStoreOwnedStreams,
    fsync: true,
  });
  // Positions of the embedded store count its events (AUTOINCREMENT, nothing ever deleted).
  const size = esdb ? undefined : Number((await store.headPosition())?.commit ?? 0n);
  return { store, name: esdb ? `EventStoreDB at ${esdb}` : eventsFile(config.dataDir), size };
}

/**
 * A store to copy a log into, keeping each event's recording time: the embedded store takes it
 * from a clock set before each append; EventStoreDB keeps it in the event's metadata.
 */
export async function openCopyTarget(
  connectionString: string | undefined,
  dataDir: string,
): Promise<{ store: EventStore; recordedAt: RecordedAtKeeping; name: string }> {
  if (connectionString) {
    const store = await openEventStore({
      connectionString,
      dataDir,
      ownedStreamPrefixes: loadDataConfig().eventStoreOwnedStreams,
    });
    return { store, recordedAt: { kind: 'metadata' }, name: `EventStoreDB at ${connectionString}` };
  }
  mkdirSync(dataDir, { recursive: true });
  let instant = new Date();
  const store = SqliteEventStore.open({ path: eventsFile(dataDir), clock: () => instant });
  return {
    store,
    recordedAt: { kind: 'clock', set: (iso) => (instant = new Date(iso)) },
    name: eventsFile(dataDir),
  };
}

/**
 * The keys seals must be signed with: the files given, else the installation's key in DATA_DIR.
 * Lacking both, each seal is checked against the key it carries, and the user is told to compare.
 */
export function trustedKeys(files: readonly string[] | undefined): TrustedKeys {
  if (files && files.length > 0) return files.map(readPublicKey);
  const own = installationKeyFile();
  if (existsSync(own)) return [readPublicKey(own)];
  return 'the key the seal carries';
}

export function describeTrust(trusted: TrustedKeys): string {
  return trusted === 'the key the seal carries'
    ? 'WARNING: no trusted public key (--key, or DATA_DIR/record-seal-key.pem): each seal was checked against the key it carries; compare its key id with the installation key published'
    : `seals checked against key ${trusted.map((k) => k.keyId).join(', ')}`;
}

/** The installation's private key file, as the service finds it. */
export function installationKeyFile(): string {
  return process.env.RECORD_SEAL_KEY_FILE || sealKeyPath(dataDirFrom());
}

/** `--key` may be given several times. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
