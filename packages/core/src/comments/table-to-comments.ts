import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import type { Model } from '../model/model.js';
import { describeValue } from '../repository/schema-issue.js';
import { readColumn } from '../spreadsheet/column-value.js';
import { isEmptyRow, type LocatedColumn, locateColumns } from '../spreadsheet/locate-columns.js';
import { cellPlace, type SheetRow, type SheetTable } from '../spreadsheet/sheet-table.js';
import type { SpreadsheetMapping } from '../spreadsheet/spreadsheet-mapping.js';
import { type Comment, CommentEntrySchema } from './comment.js';
import { type CommentStatusDef, resolveCommentStatus } from './comments-config.js';
import { missingElementDiagnostic } from './read-comment-file.js';

/** What {@link tableToComments} needs besides the table: the model, statuses, and values for missing columns. */
export type TableToCommentsOptions = {
  readonly model: Model;
  readonly statuses: readonly CommentStatusDef[];
  readonly mappingName: string;
  /** The artefact and round of every row, when the log has no column for them (one log per artefact). */
  readonly defaults?: { readonly artefact?: string; readonly round?: string };
};

const REQUIRED = ['id', 'artefact', 'round', 'organisation', 'constituency', 'text', 'status'];
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date as the log writes it (YYYY-MM-DD, or DD/MM/YYYY as UK logs do) in YYYY-MM-DD. */
function isoDate(cell: string): string {
  const uk = UK_DATE.exec(cell.trim());
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : cell.trim();
}

function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  const [head, tail] = field.split('.', 2) as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ?? {}) as Record<string, unknown>;
  inner[tail] = value;
  target[head] = inner;
}

type RowContext = {
  readonly table: SheetTable;
  readonly located: readonly LocatedColumn[];
  readonly options: TableToCommentsOptions;
  readonly diagnostics: Diagnostic[];
};

function problem(context: RowContext, row: number, column: number | undefined, code: string, what: string) {
  const place = cellPlace(context.table, row, column);
  context.diagnostics.push({
    code,
    severity: 'error',
    message: `${place.words}: ${what}`,
    source: place.source,
  });
}

function rawRow(context: RowContext, row: SheetRow): Record<string, unknown> | undefined {
  const raw: Record<string, unknown> = {};
  if (context.options.defaults?.artefact) raw.artefact = context.options.defaults.artefact;
  if (context.options.defaults?.round) raw.round = context.options.defaults.round;
  let ok = true;
  for (const { field, spec, column } of context.located) {
    const cell = row.cells[column - 1];
    if (cell === undefined || cell.trim() === '') continue;
    const read = readColumn(spec, field === 'date' ? isoDate(cell) : cell);
    if ('problem' in read) {
      problem(context, row.row, column, 'spreadsheet-bad-cell', `${read.problem}.`);
      ok = false;
      continue;
    }
    setField(raw, field, read.value);
  }
  return ok ? raw : undefined;
}

function columnOfField(context: RowContext, field: PropertyKey | undefined): number | undefined {
  return context.located.find((l) => l.field === field || l.field.startsWith(`${String(field)}.`))?.column;
}

function checkRow(context: RowContext, row: number, comment: Comment): Comment | undefined {
  const { model, statuses } = context.options;
  const artefact = model.findElement(comment.artefact);
  if (artefact?.kind !== 'Artefact') {
    const what = artefact
      ? `"${comment.artefact}" is a ${artefact.kind}, not an Artefact`
      : `unknown artefact "${comment.artefact}"`;
    problem(
      context,
      row,
      columnOfField(context, 'artefact'),
      'comment-unknown-artefact',
      `${what}${didYouMeanSuffix(comment.artefact, model.idsOfKind('Artefact'))}; use the id of an Artefact of the model.`,
    );
    return undefined;
  }
  const status = resolveCommentStatus(statuses, comment.status);
  if (!status) {
    problem(
      context,
      row,
      columnOfField(context, 'status'),
      'comment-unknown-status',
      `unknown status "${comment.status}"${didYouMeanSuffix(
        comment.status,
        statuses.map((s) => s.name),
      )}; the statuses are ${statuses.map((s) => s.name).join(', ')}.`,
    );
    return undefined;
  }
  if (comment.element !== undefined && !model.hasElement(comment.element)) {
    const place = cellPlace(context.table, row, columnOfField(context, 'element'));
    const d = missingElementDiagnostic(comment, model, place.source);
    context.diagnostics.push({ ...d, message: `${place.words}: ${d.message}` });
  }
  return { ...comment, status: status.name };
}

/**
 * Turns a comment log read from a spreadsheet into comments, by a column mapping. Every bad row is a
 * diagnostic placed at its sheet, row and column (missing columns, values the mapping does not know,
 * unknown artefacts and statuses, fields that fail the comment schema); good rows are kept.
 *
 * @example
 * const { comments, diagnostics } = tableToComments(table, BUILT_IN_MAPPINGS.comments!, { model, statuses, mappingName: 'comments' });
 */
export function tableToComments(
  table: SheetTable,
  mapping: SpreadsheetMapping,
  options: TableToCommentsOptions,
): { comments: Comment[]; diagnostics: Diagnostic[] } {
  const required = REQUIRED.filter(
    (f) => !(f === 'artefact' && options.defaults?.artefact) && !(f === 'round' && options.defaults?.round),
  );
  const { located, diagnostics } = locateColumns(table, mapping.columns, required, options.mappingName);
  if (diagnostics.length > 0) return { comments: [], diagnostics };
  const context: RowContext = { table, located, options, diagnostics };
  const comments: Comment[] = [];
  for (const row of table.rows) {
    if (isEmptyRow(row.cells)) continue;
    const raw = rawRow(context, row);
    if (!raw) continue;
    const { artefact, round, ...entry } = raw;
    const parsed = CommentEntrySchema.safeParse(entry);
    if (!parsed.success || typeof artefact !== 'string' || typeof round !== 'string') {
      for (const issue of parsed.error?.issues ?? []) {
        const field = issue.path[0];
        problem(
          context,
          row.row,
          columnOfField(context, field),
          'invalid-comment',
          `${String(field ?? 'the row')}: ${issue.message} (found ${describeValue((entry as Record<PropertyKey, unknown>)[field ?? ''])}); correct the cell.`,
        );
      }
      if (typeof artefact !== 'string')
        problem(
          context,
          row.row,
          columnOfField(context, 'artefact'),
          'invalid-comment',
          'the artefact is empty; name the Artefact the comment is about.',
        );
      if (typeof round !== 'string')
        problem(
          context,
          row.row,
          columnOfField(context, 'round'),
          'invalid-comment',
          'the review round is empty; fill it in, or give --round.',
        );
      continue;
    }
    const checked = checkRow(context, row.row, { ...parsed.data, artefact, round });
    if (checked) comments.push(checked);
  }
  return { comments, diagnostics };
}
