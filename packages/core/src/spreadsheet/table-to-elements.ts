import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import { BASE_FIELDS } from '../metamodel/base-fields.js';
import { elementFileSchema } from '../metamodel/element-schema.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import type { AttributeDef } from '../metamodel/metamodel-schema.js';
import { describeValue } from '../repository/schema-issue.js';
import { readColumn } from './column-value.js';
import { isEmptyRow, type LocatedColumn, locateColumns } from './locate-columns.js';
import { cellPlace, type SheetRow, type SheetTable } from './sheet-table.js';
import type { SpreadsheetMapping } from './spreadsheet-mapping.js';

/** An element read from a row, as a model file writes it (flat: base fields, attributes, relation names). */
export type RowElement = {
  readonly record: Readonly<Record<string, unknown>>;
  /** The row it came from. */
  readonly row: number;
};

type Context = {
  readonly table: SheetTable;
  readonly located: readonly LocatedColumn[];
  readonly mapping: SpreadsheetMapping;
  readonly metamodel: Metamodel;
  readonly diagnostics: Diagnostic[];
};

function report(context: Context, row: number, field: string | undefined, code: string, what: string): void {
  const column = context.located.find((l) => l.field === field)?.column;
  const place = cellPlace(context.table, row, column);
  context.diagnostics.push({
    code,
    severity: 'error',
    message: `${place.words}: ${what}`,
    source: place.source,
  });
}

/** A cell's text as the attribute's type wants it: numbers and booleans from text, lists split on ";". */
function typed(def: AttributeDef | undefined, value: string | string[]): unknown {
  if (!def) return value;
  if (def.type === 'string-list')
    return Array.isArray(value)
      ? value
      : value
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean);
  if (Array.isArray(value)) return value;
  if (
    (def.type === 'integer' || def.type === 'number') &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  if (def.type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

function rowRecord(context: Context, row: SheetRow): Record<string, unknown> | undefined {
  const record: Record<string, unknown> = {};
  if (context.mapping.kind) record.kind = context.mapping.kind;
  let ok = true;
  for (const { field, spec, column } of context.located) {
    const cell = row.cells[column - 1];
    if (cell === undefined || cell.trim() === '') continue;
    const read = readColumn(spec, cell);
    if ('problem' in read) {
      report(context, row.row, field, 'spreadsheet-bad-cell', `${read.problem}.`);
      ok = false;
      continue;
    }
    record[field] = read.value;
  }
  return ok ? record : undefined;
}

function checkRecord(context: Context, row: number, record: Record<string, unknown>): RowElement | undefined {
  const { metamodel } = context;
  const kindName = typeof record.kind === 'string' ? record.kind : undefined;
  const kind = kindName === undefined ? undefined : metamodel.kinds.get(kindName);
  if (!kind) {
    const what =
      kindName === undefined
        ? 'no kind: map a kind column, or give the mapping a kind'
        : `unknown kind "${kindName}"${didYouMeanSuffix(kindName, metamodel.kinds.keys())}`;
    report(
      context,
      row,
      'kind',
      'spreadsheet-bad-row',
      `${what}; the kinds are ${[...metamodel.kinds.keys()].join(', ')}.`,
    );
    return undefined;
  }
  const attributes: Record<string, AttributeDef> = { ...BASE_FIELDS, ...kind.attributes };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    const relation = metamodel.relationNames.has(field);
    out[field] = relation
      ? Array.isArray(value)
        ? value
        : [value]
      : typed(attributes[field], value as string | string[]);
  }
  const parsed = elementFileSchema(metamodel, kind).safeParse(out);
  if (parsed.success) return { record: out, row };
  for (const issue of parsed.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    const what =
      issue.code === 'unrecognized_keys'
        ? `"${field}" is not a field of ${kind.name}${didYouMeanSuffix(field ?? '', [...Object.keys(attributes), ...metamodel.relationNames.keys()])}; map the column to a field the kind has`
        : `${field}: ${issue.message} (found ${describeValue(out[field ?? ''])})`;
    report(context, row, field, 'spreadsheet-bad-row', `${what}; correct the cell or the mapping.`);
  }
  return undefined;
}

/**
 * Turns a sheet into model elements by a column mapping (requirements, test cases, an Azure DevOps
 * work-item export ...): ids through templates (`ADO-{}`), values through tables (`Active: in-review`),
 * lists split, attributes typed by the metamodel, each element checked with the schema of its kind.
 * Every bad row is a diagnostic at its sheet, row and column; good rows are kept.
 *
 * @example
 * const { elements } = tableToElements(table, BUILT_IN_MAPPINGS['azure-devops']!, metamodel, 'azure-devops');
 */
export function tableToElements(
  table: SheetTable,
  mapping: SpreadsheetMapping,
  metamodel: Metamodel,
  mappingName: string,
): { elements: RowElement[]; diagnostics: Diagnostic[] } {
  const required = ['id', 'name', ...(mapping.kind ? [] : ['kind'])];
  const { located, diagnostics } = locateColumns(table, mapping.columns, required, mappingName);
  if (diagnostics.length > 0) return { elements: [], diagnostics };
  const context: Context = { table, located, mapping, metamodel, diagnostics };
  const elements: RowElement[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (isEmptyRow(row.cells)) continue;
    const record = rowRecord(context, row);
    const element = record && checkRecord(context, row.row, record);
    if (!element) continue;
    const id = String(element.record.id);
    const first = seen.get(id);
    if (first !== undefined) {
      report(
        context,
        row.row,
        'id',
        'spreadsheet-bad-row',
        `id "${id}" is also on row ${first}; each row must be its own element.`,
      );
      continue;
    }
    seen.set(id, row.row);
    elements.push(element);
  }
  return { elements, diagnostics };
}
