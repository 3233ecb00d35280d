import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';
import { relatedIds } from '../rules/rule-context.js';
import { writeColumn } from './column-value.js';
import type { SheetData } from './sheet-table.js';
import { columnOf, type SpreadsheetMapping } from './spreadsheet-mapping.js';

function fieldValue(model: Model, element: Element, field: string): string | readonly string[] | undefined {
  if (field === 'id') return element.id;
  if (field === 'kind') return element.kind;
  if (model.metamodel.relationNames.has(field)) {
    const ids = relatedIds(model, element.id, field);
    return ids.length > 0 ? ids : undefined;
  }
  const base = (element as Record<string, unknown>)[field];
  const value = base !== undefined ? base : element.attributes[field];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : String(value);
}

/**
 * Elements as a table, by a column mapping: one row per element (sorted by id), the columns in the
 * mapping's order, relations by the names the mapping gives them (`partOf`, `verifies` ...), ids and
 * values written back through templates and value tables. {@link tableToElements} reads it back.
 *
 * @example
 * const table = elementsToTable(model, model.idsOfKind('Requirement'), BUILT_IN_MAPPINGS.elements!, 'Requirements');
 */
export function elementsToTable(
  model: Model,
  ids: Iterable<string>,
  mapping: SpreadsheetMapping,
  sheet: string,
): SheetData {
  const fields = Object.keys(mapping.columns);
  const headers = fields.map((f) => columnOf(mapping.columns[f]!).column);
  const rows = [...ids]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => {
      const element = model.getElement(id);
      return fields.map((f) => writeColumn(mapping.columns[f]!, fieldValue(model, element, f)));
    });
  return { sheet, headers, rows };
}
