import type { SourceRef } from '../diagnostics/diagnostic.js';

/** One row of a sheet: its 1-based row number and its cells as text (undefined when empty). */
export type SheetRow = { readonly row: number; readonly cells: readonly (string | undefined)[] };

/**
 * A worksheet read into text: the file and sheet it came from, the headers, and the rows under them.
 * A spreadsheet library fills it (the CLI uses exceljs); core maps it without knowing the file format.
 */
export type SheetTable = {
  /** The file, relative to where the user ran the command or to the repository. */
  readonly file: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
};

/** A table to write: headers and rows of text, in order. */
export type SheetData = {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
};

/**
 * The spreadsheet name of a 1-based column number.
 *
 * @example
 * columnLetter(28) // 'AB'
 */
export function columnLetter(column: number): string {
  let n = column;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * Where a cell is, for a diagnostic: the file, the row as line and the column as column, and the words
 * `sheet "Comments", row 12, column D (Status)` for the message.
 */
export function cellPlace(
  table: SheetTable,
  row: number,
  column: number | undefined,
): { source: SourceRef; words: string } {
  const header = column === undefined ? undefined : table.headers[column - 1];
  const words = `sheet "${table.sheet}", row ${row}${
    column === undefined ? '' : `, column ${columnLetter(column)}${header ? ` (${header})` : ''}`
  }`;
  return { source: { file: table.file, line: row, column: column ?? 1 }, words };
}
