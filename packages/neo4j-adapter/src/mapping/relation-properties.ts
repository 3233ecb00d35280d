import type { Metamodel, Relation } from '@tracery/core';
import { addAttributes, type Properties, readAttributes, sealProperties } from './attribute-properties.js';

const NO_KEYS: ReadonlySet<string> = new Set();
/** The properties of every relation without attributes: shared, and never changed by their users. */
const EMPTY: Properties = Object.freeze(sealProperties({})) as Properties;

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
 * The properties of a relation's relationship: its attributes, encoded by their declared types, hashed.
 * The type and the ends are the relationship's own type and nodes, so they are not repeated.
 *
 * @example
 * relationProperties({ type: 'partOf', source: 'A', target: 'B', attributes: { note: 'x' } }, defaultMetamodel())
 */
export function relationProperties(relation: Relation, metamodel: Metamodel): Properties {
  // Most relations have no attributes: their properties are all the same, hashed once.
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
  return sealProperties(properties);
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
