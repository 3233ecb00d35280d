import { canonicalElement } from '../model/canonical-model.js';
import { ELEMENT_BASE_KEYS, type Element, type Relation } from '../model/element.js';
import { canonicalRelation } from './content-hash.js';

/** Whether attributes are in canonical form: keys in strictly increasing order, no undefined value. */
function sortedAttributes(attributes: Readonly<Record<string, unknown>>): boolean {
  let last: string | undefined;
  for (const key in attributes) {
    if (!Object.hasOwn(attributes, key) || attributes[key] === undefined) return false;
    if (last !== undefined && !(last < key)) return false;
    last = key;
  }
  return true;
}

/**
 * Whether an element is already what {@link canonicalElement} makes of it: own keys `id`, `kind`, the
 * base fields that are set in their fixed order, then `attributes` (sorted, none undefined), nothing
 * else. Such an element serialises to the same JSON as its canonical copy.
 */
function isCanonicalElement(element: Element): boolean {
  const keys = Object.keys(element);
  if (keys[0] !== 'id' || keys[1] !== 'kind') return false;
  let at = 2;
  for (const key of ELEMENT_BASE_KEYS) {
    if (element[key] !== undefined) {
      if (keys[at++] !== key) return false;
    } else if (Object.hasOwn(element, key)) return false;
  }
  return keys[at] === 'attributes' && at + 1 === keys.length && sortedAttributes(element.attributes);
}

/**
 * An element in canonical form: the element itself when it already is (a loaded model's elements
 * are, and are frozen), else {@link canonicalElement}'s copy. The same JSON either way; no second copy
 * of a 200k-element model while it is hashed.
 */
export function canonicalElementOf(element: Element): Element {
  return isCanonicalElement(element) ? element : canonicalElement(element);
}

/** A relation in canonical form: the relation itself when it already is (keys `type`, `source`, `target`, `attributes` sorted), else {@link canonicalRelation}'s copy. */
export function canonicalRelationOf(relation: Relation): Relation {
  const keys = Object.keys(relation);
  const canonical =
    keys.length === 4 &&
    keys[0] === 'type' &&
    keys[1] === 'source' &&
    keys[2] === 'target' &&
    keys[3] === 'attributes' &&
    sortedAttributes(relation.attributes);
  return canonical ? relation : canonicalRelation(relation);
}
