import type { Element, Metamodel } from '@tracery/core';
import { ELEMENT_BASE_KEYS } from '@tracery/core/advanced';
import {
  addAttributes,
  JSON_KEYS_PROPERTY,
  type Properties,
  readAttributes,
  sealProperties,
} from './attribute-properties.js';
import { decodeValue } from './property-value.js';

const OPTIONAL_TEXT_KEYS = ['description', 'status', 'owner', 'tranche'] as const;

/** The properties every element node has besides its attributes. */
export const ELEMENT_PROPERTY_KEYS: ReadonlySet<string> = new Set(['id', 'kind', ...ELEMENT_BASE_KEYS]);

/**
 * The flat properties of an element's node: id, kind, name, the optional fields, tags as a list of
 * strings, and the attributes as top-level properties (see {@link addAttributes}), hashed.
 *
 * @example
 * elementProperties({ id: 'S1', kind: 'Service', name: 'Registration', attributes: {} }, defaultMetamodel())
 */
export function elementProperties(element: Element, metamodel: Metamodel): Properties {
  return sealProperties(unsealedElementProperties(element, metamodel));
}

/**
 * {@link elementProperties} without the hash, which `sealProperties` adds: an export checks every
 * name at once but hashes a node's content only when it needs it (see `plan-export.ts`).
 */
export function unsealedElementProperties(element: Element, metamodel: Metamodel): Properties {
  const properties: Properties = { id: element.id, kind: element.kind, name: element.name };
  for (const key of OPTIONAL_TEXT_KEYS) {
    const value = element[key];
    if (value !== undefined) properties[key] = value;
  }
  if (element.tags !== undefined) properties.tags = [...element.tags];
  const defs = metamodel.kinds.get(element.kind)?.attributes ?? {};
  addAttributes(properties, element.attributes, defs, `element "${element.id}"`, ELEMENT_PROPERTY_KEYS);
  return properties;
}

/** An element read back from a node's properties, or the reason it cannot be one. */
export type ElementReading =
  | { readonly element: Element; readonly unreadable: readonly string[] }
  | { readonly problem: string };

/**
 * Reads an element back from the properties of its node; the inverse of {@link elementProperties}.
 *
 * @example
 * elementFromProperties({ id: 'S1', kind: 'Service', name: 'Registration' })
 */
export function elementFromProperties(properties: Readonly<Record<string, unknown>>): ElementReading {
  const { id, kind, name } = properties;
  if (typeof id !== 'string' || id === '') return { problem: 'a node has no string "id" property' };
  if (typeof kind !== 'string' || kind === '')
    return { problem: `node "${id}" has no string "kind" property` };
  const element: { -readonly [K in keyof Element]: Element[K] } = {
    id,
    kind,
    name: typeof name === 'string' ? name : name === undefined || name === null ? '' : String(name),
    attributes: {},
  };
  for (const key of OPTIONAL_TEXT_KEYS) {
    const value = properties[key];
    if (value !== undefined && value !== null) element[key] = String(value);
  }
  const jsonKeys = properties[JSON_KEYS_PROPERTY];
  const tags = decodeValue(properties.tags, Array.isArray(jsonKeys) && jsonKeys.includes('tags'));
  if (Array.isArray(tags)) element.tags = tags.map(String);
  const { attributes, unreadable } = readAttributes(properties, ELEMENT_PROPERTY_KEYS);
  element.attributes = attributes as Element['attributes'];
  return { element, unreadable };
}
