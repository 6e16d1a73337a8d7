import type { Command } from 'commander';
import { copyLog, countLogFile, readLogFile } from '@duty-ledger/record-integrity';
import { dataDirFrom } from '../../api/config';
import { Progress } from '../progress';
import { openCopyTarget } from './record-side';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      "Loads a log export (export log) into the service's empty store, with the same event ids, streams, revisions, recording times and order.",
    )
    .argument('<file>', 'a .jsonl file written by export log')
    .action(async (file: string) => {
      process.exitCode = await importLog(file);
    });
}

async function importLog(file: string): Promise<number> {
  const target = await openCopyTarget(process.env.EVENTSTORE_CONNECTION_STRING, dataDirFrom());
  try {
    if ((await target.store.headPosition()) !== undefined) {
      console.error(`${target.name} is not empty; import loads a log into an empty store only`);
      return 1;
    }
    const progress = new Progress('import', await countLogFile(file));
    const outcome = await copyLog(readLogFile(file), target.store, {
      recordedAt: target.recordedAt,
      onRecord: () => progress.tick(),
    });
    progress.finish(`${outcome.copied} events imported`);
    console.log(`imported ${outcome.copied} events from ${file} into ${target.name}`);
    return 0;
  } finally {
    await target.store.close();
  }
}
