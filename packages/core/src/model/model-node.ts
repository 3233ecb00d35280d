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

/**
 * Fills the adjacency of `nodes` with `relations`, whose ends are given as node indexes (source at
 * `2 * i`, target at `2 * i + 1`): each list allocated once at its final length, in relation order.
 * Throws when an index is outside `nodes` or does not name the relation's end.
 */
export function layOutAdjacency(
  nodes: readonly Node[],
  relations: readonly Relation[],
  ends: Int32Array,
): void {
  if (ends.length !== relations.length * 2)
    throw new RangeError(`ends: expected ${relations.length * 2} indexes, got ${ends.length}.`);
  const outs = new Int32Array(nodes.length);
  const ins = new Int32Array(nodes.length);
  for (let r = 0; r < relations.length; r++) {
    const source = nodes[ends[2 * r]!];
    const target = nodes[ends[2 * r + 1]!];
    const relation = relations[r]!;
    if (source?.element.id !== relation.source || target?.element.id !== relation.target)
      throw new RangeError(`ends: relation ${r} does not join the elements its indexes name.`);
    outs[ends[2 * r]!]!++;
    ins[ends[2 * r + 1]!]!++;
  }
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (outs[n]! > 0) node.out = new Array(outs[n]!);
    if (ins[n]! > 0) node.in = new Array(ins[n]!);
  }
  outs.fill(0);
  ins.fill(0);
  for (let r = 0; r < relations.length; r++) {
    const s = ends[2 * r]!;
    const t = ends[2 * r + 1]!;
    nodes[s]!.out![outs[s]!++] = relations[r]!;
    nodes[t]!.in![ins[t]!++] = relations[r]!;
  }
}
