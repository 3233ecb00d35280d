import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Element, Relation } from './element.js';

/**
 * An element in the model with the relations at it, in the order they were added (undefined: none
 * yet), and where it was written (a number: its index in a restored model, decoded when first asked).
 */
export type Node = {
  element: Element;
  out: Relation[] | undefined;
  in: Relation[] | undefined;
  origin: SourceRef | number | undefined;
};

/** The adjacency list of an element without relations (shared, frozen). */
export const NO_RELATIONS: readonly Relation[] = Object.freeze([]);

/** Adds a relation to the adjacency of its two ends. */
export function attach(relation: Relation, source: Node, target: Node): void {
  if (source.out) source.out.push(relation);
  else source.out = [relation];
  if (target.in) target.in.push(relation);
  else target.in = [relation];
}

/** Replaces a relation by its new version in one adjacency list. */
export function replaceIn(list: Relation[], previous: Relation, next: Relation): void {
  const at = list.indexOf(previous);
  if (at >= 0) list[at] = next;
}

/** Takes a relation out of one side of an element's adjacency. */
export function removeFrom(node: Node, side: 'out' | 'in', relation: Relation): void {
  const list = node[side];
  if (!list) return;
  const at = list.indexOf(relation);
  if (at >= 0) list.splice(at, 1);
}
