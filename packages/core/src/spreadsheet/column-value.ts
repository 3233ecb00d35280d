import type { ColumnSpec } from './spreadsheet-mapping.js';
import { columnOf } from './spreadsheet-mapping.js';

/** A cell read through its column spec: the value(s), or why the cell cannot be read. */
export type ColumnRead = { readonly value: string | string[] } | { readonly problem: string };

function fill(template: string | undefined, cell: string): string {
  return template ? template.replace('{}', cell) : cell;
}

function unfill(template: string | undefined, value: string): string {
  if (!template) return value;
  const [prefix = '', suffix = ''] = template.split('{}');
  return value.startsWith(prefix) && value.endsWith(suffix) && value.length >= prefix.length + suffix.length
    ? value.slice(prefix.length, value.length - suffix.length)
    : value;
}

/**
 * Reads a non-empty cell through its column spec: splits a list, maps values, fills the template.
 *
 * @example
 * readColumn({ column: 'Parent', template: 'ADO-{}' }, '1234') // { value: 'ADO-1234' }
 */
export function readColumn(spec: ColumnSpec, cell: string): ColumnRead {
  const { template, values, split } = columnOf(spec);
  const parts = split
    ? cell
        .split(split)
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
    : [cell.trim()];
  const out: string[] = [];
  for (const part of parts) {
    if (values) {
      const key = Object.keys(values).find((k) => k.toLowerCase() === part.toLowerCase());
      if (key === undefined)
        return {
          problem: `"${part}" is not one of the mapped values (${Object.keys(values).join(', ')}); add it to the mapping's values or correct the cell`,
        };
      out.push(values[key]!);
      continue;
    }
    out.push(fill(template, part));
  }
  return { value: split ? out : (out[0] ?? '') };
}

/**
 * Writes a value back into a cell through its column spec: the inverse of {@link readColumn}.
 *
 * @example
 * writeColumn({ column: 'Parent', template: 'ADO-{}' }, 'ADO-1234') // '1234'
 */
export function writeColumn(spec: ColumnSpec, value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  const { template, values, split } = columnOf(spec);
  const one = (v: string): string => {
    if (values) return Object.keys(values).find((k) => values[k] === v) ?? v;
    return unfill(template, v);
  };
  if (typeof value === 'string') return one(value);
  // Reading trims each part, so a space after the separator reads back the same.
  return value.map(one).join(split ? (split.trim() === '' ? split : `${split} `) : '; ');
}
