import { writeColumn } from '../spreadsheet/column-value.js';
import type { SheetData } from '../spreadsheet/sheet-table.js';
import { columnOf, type SpreadsheetMapping } from '../spreadsheet/spreadsheet-mapping.js';
import { type Comment, compareComments } from './comment.js';

function fieldValue(comment: Comment, field: string): string | undefined {
  const [head, tail] = field.split('.', 2) as [string, string | undefined];
  const value = (comment as Record<string, unknown>)[head];
  if (tail === undefined) return typeof value === 'string' ? value : undefined;
  const inner = value as Record<string, unknown> | undefined;
  return typeof inner?.[tail] === 'string' ? (inner[tail] as string) : undefined;
}

/**
 * A comment log as a table, by a column mapping: one row per comment, sorted by id, the columns in the
 * mapping's order. Reading the table back with {@link tableToComments} gives the same comments.
 *
 * @example
 * const table = commentsToTable(comments, BUILT_IN_MAPPINGS.comments!, 'MHHSP-IF-021');
 */
export function commentsToTable(
  comments: readonly Comment[],
  mapping: SpreadsheetMapping,
  sheet: string,
): SheetData {
  const fields = Object.keys(mapping.columns);
  const headers = fields.map((f) => columnOf(mapping.columns[f]!).column);
  const rows = [...comments]
    .sort(compareComments)
    .map((comment) => fields.map((f) => writeColumn(mapping.columns[f]!, fieldValue(comment, f))));
  return { sheet, headers, rows };
}
