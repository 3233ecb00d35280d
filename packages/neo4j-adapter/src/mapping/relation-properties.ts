import type { Metamodel, Relation } from '@tracery/core';
import { addAttributes, type Properties, readAttributes, sealProperties } from './attribute-properties.js';

const NO_KEYS: ReadonlySet<string> = new Set();
/**
 * The properties of every relation without attributes: none at all, not even a hash. The export
 * owns every relationship of a metamodel relation type between nodes under its label (see the
 * README's table), so it needs no mark to tell its own from hand-made ones, and an unchanged
 * relationship without attributes is one without properties. Storing the hash of no attributes on
 * each cost the server about 2 of its 9.4 to 10 CPU seconds on 500k new relationships.
 */
const EMPTY: Properties = Object.freeze({}) as Properties;

function isEmpty(attributes: Readonly<Record<string, unknown>>): boolean {
  for (const _ in attributes) return false;
  return true;
}

/**
 * Whether these are the properties every relation without attributes shares (the very same object,
 * from {@link relationProperties}), so that a batch of such rows can send them once.
 */
export function isSharedEmpty(properties: Properties): boolean {
  return properties === EMPTY;
}

/**
 * The properties of a relation's relationship: its attributes, encoded by their declared types, hashed
 * (none, and no hash, for a relation without attributes). The type and the ends are the
 * relationship's own type and nodes, so they are not repeated.
 *
 * @example
 * relationProperties({ type: 'partOf', source: 'A', target: 'B', attributes: { note: 'x' } }, defaultMetamodel())
 */
export function relationProperties(relation: Relation, metamodel: Metamodel): Properties {
  // Most relations have no attributes: their properties are all the same (none).
  if (isEmpty(relation.attributes)) return EMPTY;
  const properties: Properties = {};
  const defs = metamodel.relationTypes.get(relation.type)?.attributes ?? {};
  addAttributes(
    properties,
    relation.attributes,
    defs,
    `relation ${relation.source} -${relation.type}-> ${relation.target}`,
    NO_KEYS,
  );
  // Attributes with no value to store (undefined) leave none: such a relation is one without attributes.
  return isEmpty(properties) ? EMPTY : sealProperties(properties);
}

/**
 * Reads a relation back from its type, ends and relationship properties; the inverse of {@link relationProperties}.
 *
 * @example
 * relationFromProperties('partOf', 'A', 'B', {})
 */
export function relationFromProperties(
  type: string,
  source: string,
  target: string,
  properties: Readonly<Record<string, unknown>>,
): { relation: Relation; unreadable: string[] } {
  const { attributes, unreadable } = readAttributes(properties, NO_KEYS);
  return { relation: { type, source, target, attributes: attributes as Relation['attributes'] }, unreadable };
}
