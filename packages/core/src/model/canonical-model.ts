import type { AttributeValue, Element, Relation } from './element.js';
import { ELEMENT_BASE_KEYS, relationKey } from './element.js';
import type { Model } from './model.js';

/** A model as plain, sorted data: the form that equality, hashing and snapshots use. */
export type CanonicalModel = { readonly elements: Element[]; readonly relations: Relation[] };

function sortedAttributes(
  attributes: Readonly<Record<string, AttributeValue>>,
): Record<string, AttributeValue> {
  const sorted: Record<string, AttributeValue> = {};
  for (const key of Object.keys(attributes).sort()) {
    const value = attributes[key];
    if (value !== undefined) sorted[key] = Array.isArray(value) ? [...value] : value;
  }
  return sorted;
}

/** An element with its keys in canonical order and undefined fields left out. */
export function canonicalElement(element: Element): Element {
  const out: Record<string, unknown> = { id: element.id, kind: element.kind };
  for (const key of ELEMENT_BASE_KEYS) {
    const value = element[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value;
  }
  out.attributes = sortedAttributes(element.attributes);
  return out as Element;
}

/**
 * The model as sorted plain data: elements by id, relations by source, type and target, keys in a
 * fixed order. Two models are equal when their canonical forms are deeply equal.
 *
 * @example
 * expect(canonicalModel(reloaded)).toEqual(canonicalModel(original));
 */
export function canonicalModel(model: Model): CanonicalModel {
  const elements = [...model.elements()]
    .map(canonicalElement)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const relations = [...model.relations()]
    .map((r) => ({
      type: r.type,
      source: r.source,
      target: r.target,
      attributes: sortedAttributes(r.attributes),
    }))
    .sort((a, b) => {
      const ka = relationKey(a);
      const kb = relationKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  return { elements, relations };
}
