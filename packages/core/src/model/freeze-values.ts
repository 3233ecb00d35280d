import type { Element, Relation } from './element.js';

/** A frozen element: the element itself when it is frozen already, else a frozen copy. */
export function freezeElement(element: Element): Element {
  if (Object.isFrozen(element) && Object.isFrozen(element.attributes)) return element;
  const copy: Element = { ...element, attributes: Object.freeze({ ...element.attributes }) };
  if (element.tags) (copy as { tags?: readonly string[] }).tags = Object.freeze([...element.tags]);
  return Object.freeze(copy);
}

/** Freezes an element, its attributes and tags in place (for values no one else holds). */
export function freezeInPlace(element: Element): Element {
  Object.freeze(element.attributes);
  if (element.tags) Object.freeze(element.tags);
  return Object.freeze(element);
}

/** A frozen relation: the relation itself when it is frozen already, else a frozen copy. */
export function freezeRelation(relation: Relation): Relation {
  if (Object.isFrozen(relation)) return relation;
  return Object.freeze({ ...relation, attributes: Object.freeze({ ...relation.attributes }) });
}
