import type { Relation } from './element.js';
import type { RestoredRelations } from './restored-relations.js';

/** The adjacency list of an element without relations (shared, frozen). */
export const NO_RELATIONS: readonly Relation[] = Object.freeze([]);

/**
 * A restored model's relations by element, as indexes (compressed rows): the relations out of the
 * element at slot `n` are `relations.at(out[k])` for `k` from `outStart[n]` to `outStart[n + 1]`, in
 * relation order; the same for `in`. Lists are made from it only when asked for.
 */
export type Adjacency = {
  readonly relations: RestoredRelations;
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
 * Throws when `ends` (element indexes, source at `2 * i`, target at `2 * i + 1`) does not hold two
 * indexes for each of `relationCount` relations, or an index is not that of one of the `elementCount`
 * elements, or (when `objects` is given) does not name that relation's end (`idAt` gives an element's
 * id by index).
 */
export function checkEnds(
  elementCount: number,
  relationCount: number,
  ends: Int32Array,
  objects?: { readonly relations: readonly Relation[]; readonly idAt: (index: number) => string | undefined },
): void {
  if (ends.length !== relationCount * 2)
    throw new RangeError(`ends: expected ${relationCount * 2} indexes, got ${ends.length}.`);
  for (let i = 0; i < ends.length; i++)
    if (!(ends[i]! >= 0 && ends[i]! < elementCount))
      throw new RangeError(`ends: index ${ends[i]} names no element.`);
  if (!objects) return;
  const { relations, idAt } = objects;
  for (let r = 0; r < relationCount; r++) {
    const relation = relations[r]!;
    if (idAt(ends[2 * r]!) !== relation.source || idAt(ends[2 * r + 1]!) !== relation.target)
      throw new RangeError(`ends: relation ${r} does not join the elements its indexes name.`);
  }
}

/**
 * The adjacency of `count` elements (their slots: their indexes) joined by `relations`, whose ends are
 * given as element indexes (source at `2 * i`, target at `2 * i + 1`; see {@link checkEnds}).
 */
export function packAdjacency(count: number, relations: RestoredRelations, ends: Int32Array): Adjacency {
  const out = rows(count, ends, 0);
  const into = rows(count, ends, 1);
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
  for (let k = from; k < to; k++) list[k - from] = adjacency.relations.at(at[k]!);
  return list;
}
