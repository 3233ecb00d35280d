import { InvalidArgumentError } from '@tracery/core';
import neo4j from 'neo4j-driver';
import {
  HASH_PROPERTY,
  JSON_KEYS_PROPERTY,
  type Properties,
  sealProperties,
} from '../mapping/attribute-properties.js';
import type { PropertyValue } from '../mapping/property-value.js';

/** The type of a CSV column as `neo4j-admin database import` declares it, or `json` for a JSON string column. */
export type ColumnType = 'long' | 'double' | 'boolean' | 'string' | 'string[]' | 'json';

/** A property column: its key and type. */
export type Column = { readonly key: string; readonly type: ColumnType };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function typeOf(value: PropertyValue): Exclude<ColumnType, 'json'> {
  if (neo4j.isInt(value)) return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'string[]';
}

/**
 * The columns of a file: one per property key the rows use (in `first` order, then sorted), typed
 * by the values. A key whose values differ in type, or whose lists the array delimiter cannot
 * carry (an empty list, an empty item), becomes a JSON column, so every value still reads back exactly.
 */
export function csvColumns(
  rows: readonly Properties[],
  first: readonly string[],
  delimiter: string,
): Column[] {
  const types = new Map<string, Set<ColumnType>>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === HASH_PROPERTY || key === JSON_KEYS_PROPERTY || key === 'id') continue;
      if (key.includes(':')) {
        throw new InvalidArgumentError(
          `property key "${key}" holds a colon, which the import header cannot carry; rename it.`,
        );
      }
      const set = types.get(key) ?? new Set<ColumnType>();
      types.set(key, set);
      const type = typeOf(value);
      set.add(type === 'string[]' && !listFits(value as readonly string[], delimiter) ? 'json' : type);
    }
  }
  const keys = [
    ...first.filter((key) => types.has(key)),
    ...[...types.keys()].filter((key) => !first.includes(key)).sort(byText),
  ];
  return keys.map((key) => {
    const set = types.get(key) ?? new Set();
    const [only] = set;
    return { key, type: set.size === 1 && only !== undefined ? only : 'json' };
  });
}

function listFits(list: readonly string[], delimiter: string): boolean {
  return list.length > 0 && list.every((item) => item !== '' && !item.includes(delimiter));
}

/** The header field of a column: `key:type`, or the bare key for strings and JSON. */
export function headerField(column: Column): string {
  return column.type === 'string' || column.type === 'json' ? column.key : `${column.key}:${column.type}`;
}

/**
 * A row as the import will store it: JSON columns turned into JSON strings and listed among the row's
 * JSON keys, and the hash taken again over that, so that a later export sees the row as unchanged
 * (a row without a hash, a relationship without attributes, stays without one).
 */
export function csvRow(row: Properties, columns: readonly Column[]): Properties {
  const out: Properties = { ...row };
  delete out[HASH_PROPERTY];
  const jsonKeys = new Set((row[JSON_KEYS_PROPERTY] as readonly string[] | undefined) ?? []);
  for (const { key, type } of columns) {
    const value = row[key];
    if (type !== 'json' || value === undefined || jsonKeys.has(key)) continue;
    out[key] = JSON.stringify(plain(value));
    jsonKeys.add(key);
  }
  if (jsonKeys.size > 0) out[JSON_KEYS_PROPERTY] = [...jsonKeys].sort(byText);
  return row[HASH_PROPERTY] === undefined ? out : sealProperties(out);
}

function plain(value: PropertyValue): unknown {
  return neo4j.isInt(value) ? value.toNumber() : value;
}

/** The text of one cell, or undefined for no value. */
export function cellText(value: PropertyValue | undefined, delimiter: string): string | undefined {
  if (value === undefined) return undefined;
  if (neo4j.isInt(value)) return value.toString();
  if (typeof value === 'number') return Object.is(value, -0) ? '-0.0' : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return value.join(delimiter);
}

/** The first of `;`, `|` and the unit separator that no list item, label or key contains. */
export function chooseArrayDelimiter(texts: Iterable<string>): string {
  const candidates = [';', '|', '\u001f'];
  const all = [...texts];
  const free = candidates.find((candidate) => all.every((text) => !text.includes(candidate)));
  if (free === undefined)
    throw new InvalidArgumentError('model: every array delimiter (; | U+001F) occurs in its lists or names.');
  return free;
}
