import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { cellPlace, type SheetTable } from './sheet-table.js';
import { type ColumnSpec, columnOf } from './spreadsheet-mapping.js';

/** A mapped field and the 1-based column it is read from. */
export type LocatedColumn = { readonly field: string; readonly spec: ColumnSpec; readonly column: number };

/**
 * Finds each mapped field's column by its header (ignoring case and spaces around it). A required field
 * whose header is missing is an error at the header row, naming the headers the sheet has.
 */
export function locateColumns(
  table: SheetTable,
  columns: Readonly<Record<string, ColumnSpec>>,
  required: readonly string[],
  mappingName: string,
): { located: LocatedColumn[]; diagnostics: Diagnostic[] } {
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key && !index.has(key)) index.set(key, i + 1);
  });
  const located: LocatedColumn[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [field, spec] of Object.entries(columns)) {
    const header = columnOf(spec).column;
    const column = index.get(header.trim().toLowerCase());
    if (column !== undefined) {
      located.push({ field, spec, column });
      continue;
    }
    if (!required.includes(field)) continue;
    const place = cellPlace(table, table.headerRow, undefined);
    diagnostics.push({
      code: 'spreadsheet-missing-column',
      severity: 'error',
      message: `${place.words}: no column "${header}" for ${field} (mapping "${mappingName}")${didYouMeanSuffix(
        header,
        table.headers,
      )}; the headers are ${table.headers.filter((h) => h).join(', ') || 'none'}. Rename the column or change the mapping in tracery.yaml (spreadsheets.${mappingName}.columns.${field}).`,
      source: place.source,
    });
  }
  return { located, diagnostics };
}

/** True when every cell of a row is empty. */
export function isEmptyRow(cells: readonly (string | undefined)[]): boolean {
  return cells.every((c) => c === undefined || c.trim() === '');
}
