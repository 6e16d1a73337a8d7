import type { Command } from 'commander';
import {
  checkpointPath,
  countLogFile,
  readCheckpoint,
  readLogFile,
  recordsOf,
  verifyRecords,
  type ChainReport,
  type TrustedKeys,
} from '@duty-ledger/record-integrity';
import { dataDirFrom } from '../../api/config';
import { Progress } from '../progress';
import { collect, describeTrust, openLog, trustedKeys } from './record-side';

interface VerifyOptions {
  file?: string;
  esdb?: string;
  key?: string[];
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'Recomputes the hash chain over the whole log and checks every seal. Exit 0: it holds; 1: names the first position that no longer matches and the last seal that still holds.',
    )
    .option('--file <log.jsonl>', 'check a log export instead of the store')
    .option(
      '--esdb <connection>',
      "check EventStoreDB at this connection string, e.g. 'esdb://localhost:2113?tls=false'",
    )
    .option(
      '--key <public.pem>',
      'trusted public key (repeatable; default: DATA_DIR/record-seal-key.pem)',
      collect,
    )
    .action(async (options: VerifyOptions) => {
      process.exitCode = await verifyCommand(options);
    });
}

async function verifyCommand(options: VerifyOptions): Promise<number> {
  const trusted = trustedKeys(options.key);
  if (options.file) {
    const progress = new Progress('verify', await countLogFile(options.file));
    const report = await verifyRecords(readLogFile(options.file), trusted, {
      onRecord: () => progress.tick(),
    });
    return printReport(report, options.file, trusted, progress);
  }
  const log = await openLog({ connectionString: options.esdb });
  try {
    const progress = new Progress('verify', log.size);
    // The installation's own store must still reach the last seal its service verified.
    const verifiedBefore = options.esdb ? undefined : readCheckpoint(checkpointPath(dataDirFrom()));
    const report = await verifyRecords(recordsOf(log.store), trusted, {
      verifiedBefore,
      onRecord: () => progress.tick(),
    });
    return printReport(report, log.name, trusted, progress);
  } finally {
    await log.store.close();
  }
}

/** Prints the outcome the way `verify` and `restore` report it; returns the exit code. */
export function printReport(
  report: ChainReport,
  source: string,
  trusted: TrustedKeys,
  progress: Progress,
): number {
  const last = report.lastGoodSeal;
  const lastSeal = last
    ? `seal #${last.sequence} at position ${last.position} (sealed ${last.sealedAt}, covers ${last.count} events)`
    : 'none';
  progress.finish(
    report.ok ? `${report.eventsChecked} events, ${report.sealsChecked} seals hold` : 'BROKEN',
  );
  console.log(`log: ${source}`);
  console.log(describeTrust(trusted));
  if (report.failure) {
    const f = report.failure;
    console.log(`BROKEN at position ${f.position} (event #${f.index} of the log): ${f.reason}`);
    console.log(`last seal that still holds: ${lastSeal}`);
    return 1;
  }
  console.log(
    `OK: ${report.eventsChecked} events checked, ${report.sealsChecked} seals hold; last seal: ${lastSeal}`,
  );
  if (report.unsealed > 0) {
    console.log(`${report.unsealed} event(s) after the last seal's coverage are not sealed yet`);
  }
  return 0;
}
