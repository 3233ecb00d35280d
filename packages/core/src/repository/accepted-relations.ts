import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Relation } from '../model/element.js';
import { OriginTable } from '../model/origin-table.js';

/**
 * Past this many relations out of one element, a repeat is found through a map of that element's
 * relations rather than by going through them (a file of relation rows can give one element
 * thousands).
 */
const FEW = 16;

/**
 * The relations a load has accepted so far, with their ends as element indexes (as
 * `Model.restore` lays them out) and where each was written (packed as integers). It answers
 * whether a relation of the same type and ends is there without building a string key per relation:
 * most elements have a few relations out, and going through them costs less than a map of every
 * relation (measured on the generated 200k repository: see the core README).
 */
export class AcceptedRelations {
  readonly relations: Relation[] = [];
  /** Source and target element index of relation `i` at `2 * i` and `2 * i + 1`. */
  readonly #ends: Int32Array;
  /** Per element: 1 + the index of the last relation out of it (0: none). */
  readonly #last: Int32Array;
  /** Per relation: 1 + the index of the relation out of the same element before it (0: none). */
  readonly #previous: Int32Array;
  readonly #outCount: Int32Array;
  /** For elements with more than {@link FEW} relations out: relation index by target index and type. */
  readonly #many = new Map<number, Map<string, number>>();
  readonly #table = new OriginTable();
  readonly #origins: (number | SourceRef)[] = [];

  /** Room for at most `relations` relations between `elements` elements. */
  constructor(elements: number, relations: number) {
    this.#ends = new Int32Array(2 * relations);
    this.#last = new Int32Array(elements);
    this.#previous = new Int32Array(relations);
    this.#outCount = new Int32Array(elements);
  }

  /** The index of the accepted relation of this type from element `source` to element `target`, or -1. */
  find(source: number, type: string, target: number): number {
    const many = this.#many.get(source);
    if (many) return many.get(`${target}\u0000${type}`) ?? -1;
    const ends = this.#ends;
    for (let at = this.#last[source]!; at > 0; at = this.#previous[at - 1]!) {
      const r = at - 1;
      if (ends[2 * r + 1] === target && this.relations[r]!.type === type) return r;
    }
    return -1;
  }

  /** Accepts a relation (one that {@link find} does not have) from element `source` to element `target`. */
  add(relation: Relation, source: number, target: number, origin: SourceRef): void {
    const r = this.relations.push(relation) - 1;
    this.#ends[2 * r] = source;
    this.#ends[2 * r + 1] = target;
    this.#previous[r] = this.#last[source]!;
    this.#last[source] = r + 1;
    this.#origins.push(this.#table.pack(origin));
    const count = ++this.#outCount[source]!;
    if (count > FEW) this.#index(source, r, count === FEW + 1);
  }

  #index(source: number, r: number, first: boolean): void {
    let many = this.#many.get(source);
    if (!many) {
      many = new Map();
      this.#many.set(source, many);
    }
    const at = (i: number) => `${this.#ends[2 * i + 1]}\u0000${this.relations[i]!.type}`;
    if (!first) {
      many.set(at(r), r);
      return;
    }
    for (let i = this.#last[source]!; i > 0; i = this.#previous[i - 1]!) many.set(at(i - 1), i - 1);
  }

  /** Where relation `index` was written. */
  originOf(index: number): SourceRef {
    const origin = this.#origins[index]!;
    return typeof origin === 'number' ? this.#table.get(origin) : origin;
  }

  /** {@link originOf} holding only the origins (what the model keeps, not the rest of this index). */
  origins(): (index: number) => SourceRef {
    const table = this.#table;
    const origins = this.#origins;
    return (index) => {
      const origin = origins[index]!;
      return typeof origin === 'number' ? table.get(origin) : origin;
    };
  }

  /**
   * True when the accepted relations of `type` might form a cycle. Peels the elements with no relation
   * of that type out left (Kahn's algorithm) over those relations only, on element indexes; if every
   * element with one out peels off there is no cycle, and the search over the whole model is skipped.
   */
  mayHaveCycle(type: string): boolean {
    const elements = this.#last.length;
    const out = new Int32Array(elements);
    const inStart = new Int32Array(elements + 1);
    const ends = this.#ends;
    const relations = this.relations;
    let sources = 0;
    for (let r = 0; r < relations.length; r++) {
      if (relations[r]!.type !== type) continue;
      if (out[ends[2 * r]!]!++ === 0) sources++;
      inStart[ends[2 * r + 1]! + 1]!++;
    }
    for (let n = 0; n < elements; n++) inStart[n + 1]! += inStart[n]!;
    const fill = inStart.slice(0, elements);
    const parts = new Int32Array(inStart[elements]!);
    for (let r = 0; r < relations.length; r++)
      if (relations[r]!.type === type) parts[fill[ends[2 * r + 1]!]!++] = ends[2 * r]!;
    // Leaves first: an element that is the end of such relations but starts none is in no cycle.
    const ready: number[] = [];
    for (let n = 0; n < elements; n++) if (inStart[n + 1]! > inStart[n]! && out[n] === 0) ready.push(n);
    let peeled = 0;
    while (ready.length > 0) {
      const n = ready.pop()!;
      for (let i = inStart[n]!; i < inStart[n + 1]!; i++) {
        const part = parts[i]!;
        if (--out[part]! === 0) {
          peeled++;
          ready.push(part);
        }
      }
    }
    return peeled < sources;
  }

  /** The ends of every accepted relation, as `Model.restore` takes them. */
  ends(): Int32Array {
    return this.#ends.subarray(0, 2 * this.relations.length);
  }
}
