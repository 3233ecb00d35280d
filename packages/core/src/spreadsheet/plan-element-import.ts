import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import { renderModelFile } from '../repository/canonical-yaml.js';
import { cellPlace, type SheetTable } from './sheet-table.js';
import type { RowElement } from './table-to-elements.js';

/** What importing a sheet of elements changes: the new text of its model file (undefined: unchanged). */
export type ElementImportPlan = {
  readonly file: string;
  readonly text: string | undefined;
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  readonly diagnostics: readonly Diagnostic[];
};

const HEADER = ['# Imported from a spreadsheet by `tracery import`; a re-import updates this file.'];

const FIRST = ['id', 'kind', 'name', 'description', 'status', 'owner', 'tranche', 'tags'];

/** A record with its keys in the order model files use: the base fields, then the rest sorted. */
function ordered(record: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    ...FIRST.filter((k) => k in record),
    ...Object.keys(record)
      .filter((k) => !FIRST.includes(k))
      .sort(),
  ];
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

function existingRecords(text: string | undefined): Map<string, Record<string, unknown>> {
  const data =
    text === undefined ? undefined : (parse(text) as { elements?: Record<string, unknown>[] } | null);
  return new Map((data?.elements ?? []).map((e) => [String(e.id), e]));
}

function problem(table: SheetTable, row: number, what: string): Diagnostic {
  const place = cellPlace(table, row, undefined);
  return {
    code: 'spreadsheet-bad-row',
    severity: 'error',
    message: `${place.words}: ${what}`,
    source: place.source,
  };
}

/** Relation targets of the imported rows that are neither in the model nor among the rows. */
function danglingTargets(model: Model, table: SheetTable, rows: readonly RowElement[]): Diagnostic[] {
  const ids = new Set(rows.map((r) => String(r.record.id)));
  const out: Diagnostic[] = [];
  for (const { record, row } of rows)
    for (const [field, value] of Object.entries(record)) {
      if (!model.metamodel.relationNames.has(field)) continue;
      for (const target of value as string[])
        if (!ids.has(target) && !model.hasElement(target))
          out.push(
            problem(
              table,
              row,
              `${field} names "${target}", which is neither in the model nor in the sheet; import it too, or correct the cell.`,
            ),
          );
    }
  return out;
}

/**
 * Plans an import of spreadsheet rows into the import's own model file: a new id is added, a known one
 * takes the sheet's values for the mapped fields and keeps the others, and the file is rendered
 * canonically, so re-importing the same sheet gives the same bytes (and `text` is undefined). An id that
 * another model file defines, or a relation to an unknown id, is an error at its row.
 *
 * @example
 * const plan = planElementImport(model, table, rows, 'model/imported/ado.yaml', existingText, mappedFields);
 */
export function planElementImport(
  model: Model,
  table: SheetTable,
  rows: readonly RowElement[],
  file: string,
  existingText: string | undefined,
  mapped: ReadonlySet<string>,
): ElementImportPlan {
  const diagnostics: Diagnostic[] = danglingTargets(model, table, rows);
  const records = existingRecords(existingText);
  const added: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  for (const { record, row } of rows) {
    const id = String(record.id);
    const origin = model.originOfElement(id);
    if (model.hasElement(id) && origin?.file !== file) {
      diagnostics.push(
        problem(
          table,
          row,
          `"${id}" is already defined in ${origin ? `${origin.file}:${origin.line}` : 'the model'}; the import writes only ${file}. Remove it there, or map the sheet to other ids.`,
        ),
      );
      continue;
    }
    const before = records.get(id);
    const after: Record<string, unknown> = { ...(before ?? {}) };
    for (const field of mapped) delete after[field];
    Object.assign(after, record);
    if (
      before &&
      JSON.stringify(Object.entries(before).sort()) === JSON.stringify(Object.entries(after).sort())
    )
      unchanged++;
    else (before ? updated : added).push(id);
    records.set(id, after);
  }
  const text = renderModelFile([...records.values()].map(ordered), HEADER, false);
  return {
    file,
    text: text === existingText ? undefined : text,
    added: added.sort(),
    updated: updated.sort(),
    unchanged,
    diagnostics,
  };
}
