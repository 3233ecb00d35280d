import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Element, Relation } from './element.js';

/**
 * An element in the model with the relations at it, in the order they were added (undefined: none
 * yet, or, in a restored model, not laid out yet), where it was written (a number: its index in a
 * restored model, decoded when first asked), and its index in the restored model's
 * {@link Adjacency} (-1 for an element added since).
 */
export type Node = {
  element: Element;
  out: Relation[] | undefined;
  in: Relation[] | undefined;
  origin: SourceRef | number | undefined;
  slot: number;
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
 * A restored model's relations by element, as indexes (compressed rows): the relations out of the
 * element at slot `n` are `relations[out[k]]` for `k` from `outStart[n]` to `outStart[n + 1]`, in
 * relation order; the same for `in`. Lists are made from it only when asked for.
 */
export type Adjacency = {
  readonly relations: readonly Relation[];
  readonly outStart: Int32Array;
  readonly out: Int32Array;
  readonly inStart: Int32Array;
  readonly in: Int32Array;
};

/** Rows of `ends` (element index at `2 * r + side` for relation `r`) by element, in relation order. */
function rows(count: number, ends: Int32Array, side: 0 | 1): { start: Int32Array; at: Int32Array } {
  const relations = ends.length / 2;
  const start = new Int32Array(count + 1);
  for (let r = 0; r < relations; r++) start[ends[2 * r + side]! + 1]!++;
  for (let n = 0; n < count; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, count);
  const at = new Int32Array(relations);
  for (let r = 0; r < relations; r++) at[fill[ends[2 * r + side]!]!++] = r;
  return { start, at };
}

/**
 * The adjacency of `nodes` (their slots: their indexes) joined by `relations`, whose ends are given
 * as node indexes (source at `2 * i`, target at `2 * i + 1`). Throws when an index is outside `nodes`
 * or does not name the relation's end.
 */
export function packAdjacency(
  nodes: readonly Node[],
  relations: readonly Relation[],
  ends: Int32Array,
): Adjacency {
  if (ends.length !== relations.length * 2)
    throw new RangeError(`ends: expected ${relations.length * 2} indexes, got ${ends.length}.`);
  for (let r = 0; r < relations.length; r++) {
    const relation = relations[r]!;
    if (
      nodes[ends[2 * r]!]?.element.id !== relation.source ||
      nodes[ends[2 * r + 1]!]?.element.id !== relation.target
    )
      throw new RangeError(`ends: relation ${r} does not join the elements its indexes name.`);
  }
  const out = rows(nodes.length, ends, 0);
  const into = rows(nodes.length, ends, 1);
  return { relations, outStart: out.start, out: out.at, inStart: into.start, in: into.at };
}

/** The relations of one side of the element at `slot`, as a new list (the shared empty one when none). */
export function listAt(adjacency: Adjacency, side: 'out' | 'in', slot: number): Relation[] {
  const start = side === 'out' ? adjacency.outStart : adjacency.inStart;
  const at = side === 'out' ? adjacency.out : adjacency.in;
  const from = start[slot]!;
  const to = start[slot + 1]!;
  if (from === to) return NO_RELATIONS as Relation[];
  const list: Relation[] = new Array(to - from);
  for (let k = from; k < to; k++) list[k - from] = adjacency.relations[at[k]!]!;
  return list;
}
