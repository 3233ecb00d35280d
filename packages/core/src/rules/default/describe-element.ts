import type { Element } from '../../model/element.js';

/** `IF-048 (Interface)`: how findings name an element. */
export function describeElement(element: Pick<Element, 'id' | 'kind'>): string {
  return `${element.id} (${element.kind})`;
}
