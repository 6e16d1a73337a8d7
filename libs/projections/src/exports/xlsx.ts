import type ExcelJS from 'exceljs';
import type { Column } from './table';

/** A one-sheet workbook with a frozen, bold header row. */
export async function toXlsx<T>(
  sheetName: string,
  columns: readonly Column<T>[],
  rows: Iterable<T>,
): Promise<Buffer> {
  // Required on first use: loading exceljs costs ~285 ms, a fifth of the API's start-up.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  workbook.creator = 'Duty Ledger';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width ?? 14,
    ...(c.percent ? { style: { numFmt: '0.0%' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
