import { extname } from 'node:path';
import { type SheetData, writeFileAtomic } from '@tracery/core/advanced';
import { loadExcelJs } from './load-exceljs.js';

// A fixed date for the workbook's properties, so that an unchanged table writes the same workbook.
const FIXED = new Date(Date.UTC(2000, 0, 1));

/**
 * Writes a table as XLSX (a bold, frozen header row, columns sized to their text) or CSV, by the file's
 * extension, with exceljs, atomically (writeFileAtomic). Every cell is written as text, so ids such as 0012 stay as they are.
 *
 * @example
 * await writeSheet('out/MHHSP-IF-021.xlsx', { sheet: 'MHHSP-IF-021', headers: ['ID'], rows: [['IF021-T1-001']] });
 */
export async function writeSheet(path: string, data: SheetData): Promise<void> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Tracery';
  workbook.created = FIXED;
  workbook.modified = FIXED;
  const sheet = workbook.addWorksheet(data.sheet.slice(0, 31).replace(/[\\/*?:[\]]/g, '-'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...data.headers]).font = { bold: true };
  for (const row of data.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      data.headers[i]?.length ?? 0,
      ...data.rows.map((r) => Math.min(r[i]?.length ?? 0, 80)),
    );
    column.width = Math.max(8, longest + 2);
  });
  const bytes =
    extname(path).toLowerCase() === '.csv'
      ? await workbook.csv.writeBuffer({ sheetName: sheet.name })
      : await workbook.xlsx.writeBuffer();
  // Whole or not at all: a sheet someone has open, or a crash, never leaves half a file.
  await writeFileAtomic(path, new Uint8Array(bytes));
}
