import type { Command } from 'commander';
import { copyLog, recordsOf, verifyRecords } from '@duty-ledger/record-integrity';
import { dataDirFrom } from '../../api/config';
import { Progress } from '../progress';
import { collect, openCopyTarget, openLog, trustedKeys } from './record-side';
import { printReport } from './verify.command';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      'Copies the embedded log of DATA_DIR into EventStoreDB with the same event ids, streams and revisions, then verifies it there. Running it again (or after a crash) copies only what is missing.',
    )
    .requiredOption(
      '--to <connection>',
      "EventStoreDB connection string, e.g. 'esdb://localhost:2113?tls=false'",
    )
    .option(
      '--key <public.pem>',
      'trusted public key (repeatable; default: DATA_DIR/record-seal-key.pem)',
      collect,
    )
    .action(async (options: { to: string; key?: string[] }) => {
      process.exitCode = await migrate(options);
    });
}

async function migrate(options: { to: string; key?: string[] }): Promise<number> {
  const source = await openLog({ embedded: true });
  const target = await openCopyTarget(options.to, dataDirFrom());
  try {
    const progress = new Progress('migrate', source.size);
    const outcome = await copyLog(recordsOf(source.store), target.store, {
      recordedAt: target.recordedAt,
      onRecord: () => progress.tick(),
    });
    progress.finish(`${outcome.copied} events copied, ${outcome.alreadyThere} already there`);
    console.log(
      `copied ${outcome.copied} events from ${source.name} to ${target.name} (${outcome.alreadyThere} were already there)`,
    );
    const trusted = trustedKeys(options.key);
    const check = new Progress('verify', source.size);
    const report = await verifyRecords(recordsOf(target.store), trusted, {
      onRecord: () => check.tick(),
    });
    return printReport(report, target.name, trusted, check);
  } finally {
    await Promise.all([source.store.close(), target.store.close()]);
  }
}
