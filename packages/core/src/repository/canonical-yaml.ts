import { stringify } from 'yaml';
import { ELEMENT_BASE_KEYS, type Element, type Relation } from '../model/element.js';

type Entry = string | Record<string, unknown>;

/** An element as a file writes it: base fields, sorted attributes, then sorted relations by name. */
export function elementToFileObject(
  element: Element,
  relations: ReadonlyMap<string, Entry[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: element.id, kind: element.kind };
  for (const key of ELEMENT_BASE_KEYS) {
    const value = element[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  for (const key of Object.keys(element.attributes).sort()) out[key] = element.attributes[key];
  for (const name of [...relations.keys()].sort()) {
    const entries = relations.get(name)!;
    out[name] = entries.sort((a, b) => {
      const ia = typeof a === 'string' ? a : String(a.id);
      const ib = typeof b === 'string' ? b : String(b.id);
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
  }
  return out;
}

/** One inline relation entry: the other end's id, or a map with the id and the sorted attributes. */
export function relationEntry(relation: Relation, other: string): Entry {
  const keys = Object.keys(relation.attributes).sort();
  if (keys.length === 0) return other;
  const entry: Record<string, unknown> = { id: other };
  for (const key of keys) entry[key] = relation.attributes[key];
  return entry;
}

/**
 * Renders a model file canonically: the header comment lines, then `elements:` sorted by id.
 * The same model always gives the same bytes.
 */
export function renderModelFile(
  objects: readonly Record<string, unknown>[],
  header: readonly string[],
  json: boolean,
): string {
  const sorted = [...objects].sort((a, b) =>
    String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0,
  );
  if (json) return `${JSON.stringify({ elements: sorted }, null, 2)}\n`;
  const body = stringify(
    { elements: sorted },
    { lineWidth: 0, indentSeq: true, aliasDuplicateObjects: false },
  );
  return `${header.map((line) => `${line}\n`).join('')}${body}`;
}
