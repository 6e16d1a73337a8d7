import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
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
import { openReadSide } from './read-side';

export const exportUsage = `export <obligations|target-changes> --out <file.csv|file.xlsx> [--unit <单位>] [--plan <planId>] [--as-of <ISO instant>] [--kind lowered|raised|deadline-moved|owner-changed]
    Brings the read models up to date, then writes the export (CSV in UTF-8 with BOM, or XLSX).`;

export async function exportCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      unit: { type: 'string' },
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      kind: { type: 'string' },
    },
    strict: true,
  });
  if (
    (what !== 'obligations' && what !== 'target-changes') ||
    !values.out ||
    !/\.(csv|xlsx)$/.test(values.out)
  ) {
    console.error(exportUsage);
    return 2;
  }
  if (
    values.kind !== undefined &&
    !(TARGET_CHANGE_KINDS as readonly string[]).includes(values.kind)
  ) {
    console.error(`--kind must be one of ${TARGET_CHANGE_KINDS.join(', ')}`);
    return 2;
  }
  const asOf = values['as-of'] ?? new Date().toISOString();
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
