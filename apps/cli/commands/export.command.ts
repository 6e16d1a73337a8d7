import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  listObligations,
  obligationsCsv,
  obligationsXlsx,
  targetChanges,
  targetChangesCsv,
  targetChangesXlsx,
  TARGET_CHANGE_KINDS,
  type TargetChangeKind,
} from '@duty-ledger/projections';
import { recordsOf, writeLogFile } from '@duty-ledger/record-integrity';
import { openReadSide } from './read-side';
import { openLog } from './record-side';
import { Progress } from '../progress';

interface ExportOptions {
  out: string;
  unit?: string;
  plan?: string;
  asOf?: string;
  kind?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'obligations, target-changes: brings the read models up to date, then writes the export (CSV in UTF-8 with BOM, or XLSX). ' +
        'log: writes the whole log, seals included, every field of every event, as JSON Lines (for import, verify --file and tools/verify-record.js).',
    )
    .argument('<what>', 'obligations, target-changes or log')
    .requiredOption('--out <file>', 'file.csv or file.xlsx; file.jsonl for the log')
    .option('--unit <单位>', 'only this unit')
    .option('--plan <planId>', 'only this plan')
    .option('--as-of <instant>', 'as recorded by this ISO instant (default: now)')
    .option('--kind <kind>', TARGET_CHANGE_KINDS.join('|'))
    .action(async (what: string, options: ExportOptions) => {
      process.exitCode = await exportCommand(what, options);
    });
}

async function exportCommand(what: string, values: ExportOptions): Promise<number> {
  if (what === 'log') return exportLog(values.out);
  if (what !== 'obligations' && what !== 'target-changes') {
    console.error('export what? obligations, target-changes or log');
    return 2;
  }
  if (!/\.(csv|xlsx)$/.test(values.out)) {
    console.error('--out must name a .csv or .xlsx file');
    return 2;
  }
  if (
    values.kind !== undefined &&
    !(TARGET_CHANGE_KINDS as readonly string[]).includes(values.kind)
  ) {
    console.error(`--kind must be one of ${TARGET_CHANGE_KINDS.join(', ')}`);
    return 2;
  }
  const asOf = values.asOf ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(asOf))) {
    console.error('--as-of must be an ISO-8601 instant, e.g. 2024-06-30T16:00:00Z');
    return 2;
  }
  const xlsx = values.out.endsWith('.xlsx');
  const side = await openReadSide();
  try {
    side.runner.start();
    await side.runner.whenCaughtUp();
    let content: string | Buffer;
    let count: number;
    if (what === 'obligations') {
      const rows = listObligations(side.db, { asOf, unit: values.unit, planId: values.plan });
      count = rows.length;
      content = xlsx ? await obligationsXlsx(rows) : obligationsCsv(rows);
    } else {
      const rows = targetChanges(side.db, {
        asOf,
        unit: values.unit,
        planId: values.plan,
        kind: values.kind as TargetChangeKind | undefined,
      });
      count = rows.length;
      content = xlsx ? await targetChangesXlsx(rows) : targetChangesCsv(rows);
    }
    writeFileSync(values.out, content);
    console.log(`wrote ${count} rows to ${values.out}`);
    return 0;
  } finally {
    await side.close();
  }
}

async function exportLog(out: string): Promise<number> {
  if (!out.endsWith('.jsonl')) {
    console.error('--out must name a .jsonl file for the log');
    return 2;
  }
  const log = await openLog();
  try {
    const progress = new Progress('export', log.size);
    const count = await writeLogFile(recordsOf(log.store), out, () => progress.tick());
    progress.finish(`${count} events written`);
    console.log(`wrote the log of ${log.name} (${count} events) to ${out}`);
    return 0;
  } finally {
    await log.store.close();
  }
}
