import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore } from '@duty-ledger/event-store';
import { checkpointPath, RecordKeeper, type SealKeyPair } from '@duty-ledger/record-integrity';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds (a wait, not a timing assertion); fails after 15 s. */
export async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 750; i++) {
    if (await condition()) return;
    await sleep(20);
  }
  throw new Error('condition not met within 15 s');
}

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'duty-ledger-record-'));
  file(name: string): string {
    return join(this.path, name);
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export function openStore(file: string, clock?: () => Date): SqliteEventStore {
  return SqliteEventStore.open({ path: file, fsync: false, ...(clock ? { clock } : {}) });
}

/** Appends `count` events spread over three task streams, with Chinese text in them. */
export async function appendEvents(store: EventStore, count: number, from = 0): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await store.append(
      `task-record-${n % 3}`,
      [
        {
          type: 'ProgressReported',
          schemaVersion: 1,
          data: { n, 文号: `长府办〔2024〕${n}号`, note: '完成数据归集' },
          metadata: { userId: 'zhang.wei' },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}

export interface KeeperFixture {
  readonly keeper: RecordKeeper;
  readonly errors: string[];
}

export function startKeeper(
  store: EventStore,
  key: SealKeyPair,
  dataDir: string,
  sealEvery = 10,
): KeeperFixture {
  const errors: string[] = [];
  const keeper = new RecordKeeper({
    store,
    key,
    trusted: [key.publicKey],
    now: () => new Date(),
    sealEvery,
    sealIntervalMs: 60_000,
    verifyIntervalMs: 600_000,
    verifyOnStart: 'full',
    checkpointFile: checkpointPath(dataDir),
    sealing: true,
    logger: { log: () => undefined, error: (message) => errors.push(message) },
  });
  keeper.start();
  return { keeper, errors };
}

/** Runs SQL on the store's file as someone with the file in hand would (the store must be closed). */
export function tamper(file: string, ...statements: string[]): void {
  const db = new Database(file);
  try {
    for (const sql of statements) db.exec(sql);
  } finally {
    db.close();
  }
}
