import { hash } from 'node:crypto';
import { type AttributeDef, InvalidArgumentError } from '@tracery/core';
import { checkName } from '../cypher/cypher-name.js';
import { canonicalProperties, decodeValue, encodeValue, type PropertyValue } from './property-value.js';

/** The property that holds a hash of the other properties, so that an unchanged row is not written again. */
export const HASH_PROPERTY = '__tracery_hash';

/** The property that lists the keys whose values are stored as JSON strings. */
export const JSON_KEYS_PROPERTY = '__tracery_json';

/** Properties ready to be sent: every value encoded, the JSON keys listed, and the hash set. */
export type Properties = Record<string, PropertyValue>;

/**
 * Adds attributes to `properties` as top-level properties, each encoded by its declared type.
 * `where` names the element or relation for messages; `taken` are keys the attributes must not use.
 */
export function addAttributes(
  properties: Properties,
  attributes: Readonly<Record<string, unknown>>,
  defs: Readonly<Record<string, AttributeDef>>,
  where: string,
  taken: ReadonlySet<string>,
): void {
  const jsonKeys: string[] = [];
  for (const key of Object.keys(attributes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    checkName(key, 'property key', `${where} attribute`);
    if (taken.has(key)) {
      throw new InvalidArgumentError(
        `${where}: attribute "${key}" has the name of a field every element has; rename it.`,
      );
    }
    const encoded = encodeValue(attributes[key], Object.hasOwn(defs, key) ? defs[key]?.type : undefined);
    if (encoded === undefined) continue;
    properties[key] = encoded.value;
    if (encoded.json) jsonKeys.push(key);
  }
  if (jsonKeys.length > 0) properties[JSON_KEYS_PROPERTY] = jsonKeys;
}

/** Sets the hash property from all the others. */
export function sealProperties(properties: Properties): Properties {
  properties[HASH_PROPERTY] = contentHash(properties);
  return properties;
}

/**
 * The hash of a row's content: every property but the hash itself. The same function hashes the
 * rows an export plans and, with `verify`, the properties read back from the graph, so a value edited
 * in Neo4j (whatever hash it kept) shows as changed.
 */
export function contentHash(properties: Readonly<Record<string, unknown>>): string {
  // One-shot hash: no Hash object per row (an export hashes every node and relationship it plans).
  return hash('sha1', canonicalProperties(properties, HASH_PROPERTY), 'base64url');
}

/** The attributes among properties read back from Neo4j, and the keys whose values could not be read. */
export function readAttributes(
  properties: Readonly<Record<string, unknown>>,
  skip: ReadonlySet<string>,
): { attributes: Record<string, unknown>; unreadable: string[] } {
  const jsonList = properties[JSON_KEYS_PROPERTY];
  const jsonKeys = new Set(Array.isArray(jsonList) ? jsonList.filter((k) => typeof k === 'string') : []);
  const attributes: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const key of Object.keys(properties).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (skip.has(key) || key === HASH_PROPERTY || key === JSON_KEYS_PROPERTY) continue;
    const value = decodeValue(properties[key], jsonKeys.has(key));
    if (value === undefined) unreadable.push(key);
    else attributes[key] = value;
  }
  return { attributes, unreadable };
}
