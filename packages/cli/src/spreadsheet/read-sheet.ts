import { extname } from 'node:path';
import type { SheetRow, SheetTable } from '@tracery/core/advanced';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs.js';

/** A spreadsheet that cannot be read at all: not a spreadsheet, no such sheet, an unknown extension. */
export class SpreadsheetReadError extends Error {
  override name = 'SpreadsheetReadError';
}

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text of a cell value as exceljs gives it: rich text joined, hyperlinks by their text, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return undefined;
}

async function worksheetOf(path: string, sheet: string | undefined): Promise<ExcelJS.Worksheet> {
  const workbook = new (await loadExcelJs()).Workbook();
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    // Keep every cell as written: exceljs would otherwise turn "0012" into 12 and guess dates.
    return workbook.csv.readFile(path, { map: (value: unknown) => value, sheetName: sheet ?? 'Sheet1' });
  }
  if (ext !== '.xlsx')
    throw new SpreadsheetReadError(`"${path}" is neither .xlsx nor .csv; save the sheet as one of them.`);
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SpreadsheetReadError(
      `"${path}" could not be read as an XLSX workbook (${why}); open it and save it again as .xlsx.`,
    );
  }
  const names = workbook.worksheets.map((w) => w.name);
  const found = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!found)
    throw new SpreadsheetReadError(
      `"${path}" has no sheet${sheet === undefined ? '' : ` "${sheet}"`}; its sheets are ${names.join(', ') || 'none'}.`,
    );
  return found;
}

/**
 * Reads one sheet of an XLSX or CSV file into a table of text with exceljs: the header row, then every
 * row under it with its row number, so problems can be placed by sheet, row and column.
 *
 * @example
 * const table = await readSheetTable('comments.xlsx', 'comments.xlsx', { headerRow: 1 });
 */
export async function readSheetTable(
  path: string,
  shownAs: string,
  options: { readonly sheet?: string; readonly headerRow: number },
): Promise<SheetTable> {
  const worksheet = await worksheetOf(path, options.sheet);
  const width = worksheet.columnCount;
  const textsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value)?.trim() || undefined);
  const headers = textsOf(worksheet.getRow(options.headerRow)).map((h) => h ?? '');
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > options.headerRow) rows.push({ row: number, cells: textsOf(row) });
  });
  return { file: shownAs, sheet: worksheet.name, headerRow: options.headerRow, headers, rows };
}
