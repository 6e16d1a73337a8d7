import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { readModelPath } from '@duty-ledger/projections';
import {
  backupSqlite,
  checkpointPath,
  countStoredEvents,
  recordsOf,
  verifyRecords,
} from '@duty-ledger/record-integrity';
import { dataDirFrom } from '../../api/config';
import { serviceHolding } from '../../api/service-lock';
import { Progress } from '../progress';
import { collect, eventsFile, openLog, trustedKeys } from './record-side';
import { printReport } from './verify.command';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      "Copies the embedded store's log into one SQLite file with SQLite's online backup: consistent, also while the service writes.",
    )
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(async (options: { out: string }) => {
      process.exitCode = await backup(options.out);
    });
  program
    .command('restore')
    .description(
      'Puts a backup in place as the log of DATA_DIR (stop the service first), then verifies its seals. The read models are rebuilt on the next start.',
    )
    .argument('<file>', 'a file written by backup')
    .option('--force', 'replace the log of a data directory that is not empty')
    .option(
      '--key <public.pem>',
      'trusted public key (repeatable; default: DATA_DIR/record-seal-key.pem)',
      collect,
    )
    .action(async (file: string, options: { force?: boolean; key?: string[] }) => {
      process.exitCode = await restore(file, options);
    });
}

async function backup(out: string): Promise<number> {
  if (process.env.EVENTSTORE_CONNECTION_STRING) {
    console.error('backup copies the embedded store; back EventStoreDB up with its own tools');
    return 2;
  }
  if (existsSync(out)) {
    console.error(`${out} exists; choose a new file`);
    return 2;
  }
  const source = eventsFile(dataDirFrom());
  if (!existsSync(source)) {
    console.error(`no log at ${source}`);
    return 1;
  }
  await copyDatabase(source, out, 'backup');
  const events = countStoredEvents(out);
  console.log(`backed up ${events} events from ${source} to ${out}`);
  return 0;
}

async function restore(
  file: string,
  options: { force?: boolean; key?: string[] },
): Promise<number> {
  if (!existsSync(file)) {
    console.error(`${file} does not exist`);
    return 2;
  }
  let events: number;
  try {
    events = countStoredEvents(file);
  } catch {
    console.error(`${file} is not a backup of the log (no events table)`);
    return 2;
  }
  const dataDir = dataDirFrom();
  const service = serviceHolding(dataDir);
  if (service) {
    console.error(
      `A service (pid ${service.pid}, port ${service.port}) runs on ${dataDir}: stop it first, then restore.`,
    );
    return 1;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0 && !options.force) {
    console.error(
      `${dataDir} is not empty; restore into an empty data directory, or pass --force to replace its log (stop the service first)`,
    );
    return 1;
  }
  mkdirSync(dataDir, { recursive: true });
  // The read models and the last verified seal describe the log being replaced.
  const target = eventsFile(dataDir);
  for (const stale of [target, readModelPath(dataDir)]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(stale + suffix, { force: true });
  }
  rmSync(checkpointPath(dataDir), { force: true });
  await copyDatabase(file, target, 'restore');
  console.log(`restored ${events} events into ${target}; verifying its seals`);
  const trusted = trustedKeys(options.key);
  const log = await openLog({ embedded: true });
  try {
    const progress = new Progress('verify', log.size);
    const report = await verifyRecords(recordsOf(log.store), trusted, {
      onRecord: () => progress.tick(),
    });
    return printReport(report, log.name, trusted, progress);
  } finally {
    await log.store.close();
  }
}

/** SQLite's online backup, with its progress in pages. */
async function copyDatabase(from: string, to: string, label: string): Promise<void> {
  const progress = new Progress(label, undefined, 'pages');
  const { pages } = await backupSqlite(from, to, (done, total) => progress.update(done, total));
  progress.finish(`${pages} pages copied`);
}
