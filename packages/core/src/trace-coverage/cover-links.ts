import type { Element, Relation } from '../model/element.js';
import { columnsOf, type ElementColumns } from '../model/element-columns.js';
import type { Model, RestoredLayout } from '../model/model.js';

/**
 * The links at each element on one side: those at element `e` are entries `start[e]` up to
 * `start[e + 1]` (exclusive), each with the element at its far end (`far`) and its relation type's
 * number (`type`).
 */
export type LinkSide = {
  readonly start: Int32Array;
  readonly far: Int32Array;
  readonly type: Uint16Array;
};

/**
 * The model's elements numbered in model order (their columns: id, kind, status), and its links of the relation types coverage reads
 * (`types`, by number), grouped by element: `into` those coming into it (the far end is the source),
 * `out` those going out of it (the far end is the target). Coverage then follows links by number: no
 * id is looked up while it classifies.
 */
export type CoverLinks = {
  readonly elements: ElementColumns;
  /** The number of the element of an id (undefined: none). */
  readonly indexOf: (id: string) => number | undefined;
  readonly types: readonly string[];
  readonly into: LinkSide;
  readonly out: LinkSide;
};

/** Which links coverage follows: into elements (needs such as coveredBy), out of them (covers), or both. */
export type LinkSides = { readonly into: boolean; readonly out: boolean };

/** Relation `r`'s ends as element numbers (source at `2 * r`, target at `2 * r + 1`) and its type's number (-1: not read). */
type Ends = {
  readonly elements: ElementColumns;
  readonly indexOf: (id: string) => number | undefined;
  readonly ends: Int32Array;
  readonly typeOf: Int32Array;
};

const NO_SIDE: LinkSide = { start: new Int32Array(0), far: new Int32Array(0), type: new Uint16Array(0) };

/**
 * Numbers the elements and gathers the links of `types` (relation type names): from the model's
 * restored layout when it has one (its ends are element numbers already: no id is looked up), else
 * from a walk over the model with one look-up per link. Groups them on the sides `sides` asks for; a
 * side not asked for is empty.
 */
export function coverLinks(model: Model, types: readonly string[], sides: LinkSides): CoverLinks {
  if (types.length > 0xffff) throw new RangeError('coverage reads at most 65535 relation types.');
  const layout = model.restoredLayout();
  const ends: Ends = layout
    ? { elements: layout, indexOf: layout.indexOf, ends: layout.ends, typeOf: typeNumbers(layout, types) }
    : fromWalk(model, types);
  return {
    elements: ends.elements,
    indexOf: ends.indexOf,
    types,
    into: sides.into ? side(ends, 1) : NO_SIDE,
    out: sides.out ? side(ends, 0) : NO_SIDE,
  };
}

/** Each relation's type as its number in `types`, -1 for a type coverage does not read (no relation is made). */
function typeNumbers(layout: RestoredLayout, types: readonly string[]): Int32Array {
  const number = layout.typeNames.map((name) => types.indexOf(name));
  const typeOf = new Int32Array(layout.types.length);
  for (let r = 0; r < typeOf.length; r++) typeOf[r] = number[layout.types[r]!]!;
  return typeOf;
}

function fromWalk(model: Model, types: readonly string[]): Ends {
  const elements: Element[] = [];
  const outs: (readonly Relation[])[] = [];
  const index = new Map<string, number>();
  model.forEachElement((element, out) => {
    index.set(element.id, elements.length);
    elements.push(element);
    outs.push(out);
  });
  const ends: number[] = [];
  const typeOf: number[] = [];
  for (let e = 0; e < outs.length; e++)
    for (const relation of outs[e]!) {
      const t = types.indexOf(relation.type);
      if (t < 0) continue;
      ends.push(e, index.get(relation.target)!);
      typeOf.push(t);
    }
  return {
    elements: columnsOf(elements),
    indexOf: (id) => index.get(id),
    ends: Int32Array.from(ends),
    typeOf: Int32Array.from(typeOf),
  };
}

/** The links read, grouped by their end at `at` (0: source, 1: target): a counting sort by element. */
function side({ elements, ends, typeOf }: Ends, at: 0 | 1): LinkSide {
  const count = elements.ids.length;
  const start = new Int32Array(count + 1);
  const links = countAt(start, ends, typeOf, at);
  const grouped = { start, far: new Int32Array(links), type: new Uint16Array(links) };
  place(grouped, start.slice(0, count), ends, typeOf, at);
  return grouped;
}

/** Counts the links read at each element, then sums them up: element `e`'s begin at `start[e]`. Gives how many. */
function countAt(start: Int32Array, ends: Int32Array, typeOf: Int32Array, at: 0 | 1): number {
  for (let r = 0; r < typeOf.length; r++) if (typeOf[r]! >= 0) start[ends[2 * r + at]! + 1]!++;
  for (let e = 1; e < start.length; e++) start[e]! += start[e - 1]!;
  return start[start.length - 1]!;
}

function place(grouped: LinkSide, next: Int32Array, ends: Int32Array, typeOf: Int32Array, at: 0 | 1): void {
  for (let r = 0; r < typeOf.length; r++) {
    if (typeOf[r]! < 0) continue;
    const i = next[ends[2 * r + at]!]!++;
    grouped.far[i] = ends[2 * r + 1 - at]!;
    grouped.type[i] = typeOf[r]!;
  }
}
