import type { Element, Relation } from '../model/element.js';
import type { Model, RestoredLayout } from '../model/model.js';

/**
 * The model's elements numbered in model order, and its links of the relation types coverage reads, as
 * integer arrays: link `l` goes from element `source[l]` to element `target[l]` and is of relation type
 * `types[type[l]]`. The links into element `e` are `inLinks[inStart[e]]` up to `inLinks[inStart[e + 1]]`
 * (exclusive); those going out of it, likewise, in `outStart` and `outLinks`. Coverage then follows
 * links by number: no id is looked up while it classifies.
 */
export type CoverLinks = {
  readonly elements: readonly Element[];
  readonly types: readonly string[];
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly type: Uint16Array;
  readonly inStart: Int32Array;
  readonly inLinks: Int32Array;
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
};

type Ends = { elements: readonly Element[]; source: Int32Array; target: Int32Array; type: Uint16Array };

/** Which links coverage follows: into elements (needs such as coveredBy), out of them (covers), or both. */
export type LinkSides = { readonly into: boolean; readonly out: boolean };

/**
 * Numbers the elements and gathers the links of `types` (relation type names): from the model's
 * restored layout when it has one (its ends are element indexes already: no id is looked up), else
 * from a walk over the model with one look-up per link. Groups them by the ends `sides` asks for; the
 * grouping of a side not asked for is empty.
 */
export function coverLinks(model: Model, types: readonly string[], sides: LinkSides): CoverLinks {
  if (types.length > 0xffff) throw new RangeError(`coverage reads at most 65535 relation types.`);
  const layout = model.restoredLayout();
  const ends = layout ? fromLayout(layout, types) : fromWalk(model, types);
  const size = ends.elements.length;
  const incoming = byEnd(sides.into ? ends.target : NO_LINKS, size);
  const outgoing = byEnd(sides.out ? ends.source : NO_LINKS, size);
  return {
    ...ends,
    types,
    inStart: incoming.start,
    inLinks: incoming.links,
    outStart: outgoing.start,
    outLinks: outgoing.links,
  };
}

const NO_LINKS = new Int32Array(0);

function fromLayout(layout: RestoredLayout, types: readonly string[]): Ends {
  const typeOf = typeNumbers(layout.relations, types);
  let count = 0;
  for (let r = 0; r < typeOf.length; r++) if (typeOf[r]! >= 0) count++;
  const ends = {
    elements: layout.elements,
    source: new Int32Array(count),
    target: new Int32Array(count),
    type: new Uint16Array(count),
  };
  copyEnds(ends, layout.ends, typeOf);
  return ends;
}

/** Each relation's type as its number in `types`, -1 for a type coverage does not read. */
function typeNumbers(relations: readonly Relation[], types: readonly string[]): Int32Array {
  const typeOf = new Int32Array(relations.length);
  for (let r = 0; r < relations.length; r++) typeOf[r] = types.indexOf(relations[r]!.type);
  return typeOf;
}

/** Copies the ends of the relations of a type read (`typeOf` not -1), in relation order. */
function copyEnds(into: Ends, ends: Int32Array, typeOf: Int32Array): void {
  for (let r = 0, l = 0; r < typeOf.length; r++) {
    if (typeOf[r]! < 0) continue;
    into.source[l] = ends[2 * r]!;
    into.target[l] = ends[2 * r + 1]!;
    into.type[l++] = typeOf[r]!;
  }
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
  const source: number[] = [];
  const target: number[] = [];
  const type: number[] = [];
  for (let e = 0; e < outs.length; e++)
    for (const relation of outs[e]!) {
      const t = types.indexOf(relation.type);
      if (t < 0) continue;
      source.push(e);
      target.push(index.get(relation.target)!);
      type.push(t);
    }
  return {
    elements,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    type: Uint16Array.from(type),
  };
}

/** The links grouped by one of their ends (counting sort): those at element `e` are `links[start[e]]` up to `links[start[e + 1]]`. */
function byEnd(end: Int32Array, size: number): { start: Int32Array; links: Int32Array } {
  const start = new Int32Array(size + 1);
  countEnds(start, end);
  const next = start.slice(0, size);
  const links = new Int32Array(end.length);
  placeLinks(links, next, end);
  return { start, links };
}

/** Counts the links at each element into `start[e + 1]`, then sums them up: `start[e]` is where element `e`'s links begin. */
function countEnds(start: Int32Array, end: Int32Array): void {
  for (let l = 0; l < end.length; l++) start[end[l]! + 1]!++;
  for (let e = 1; e < start.length; e++) start[e]! += start[e - 1]!;
}

function placeLinks(links: Int32Array, next: Int32Array, end: Int32Array): void {
  for (let l = 0; l < end.length; l++) links[next[end[l]!]!++] = l;
}
