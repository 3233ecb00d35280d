import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Element, Relation } from './element.js';
import type { IdTable } from './id-table.js';
import { type Adjacency, listAt, NO_RELATIONS } from './model-node.js';

/** One side of an element's adjacency. */
export type Side = 'out' | 'in';

/**
 * A model's elements in slots: an id's slot in a map (in insertion order), and by slot the element,
 * the relations going out of it and coming into it (in the order they were added), and where it was
 * written. No object per element beyond the element itself: a model of 200k elements keeps a few
 * arrays, not 200k records. A removed element's slot stays empty; an id added again gets a new slot
 * at the end, as a map entry deleted and set again goes to the end.
 *
 * A restored table (see {@link ElementSlots.restored}) starts with the elements' lists as index rows
 * ({@link Adjacency}, packed when first needed) and their origins as a function of the slot: a list is
 * made when first asked for, and every list before the first change of a relation ({@link layOut}).
 * Given an {@link IdTable}, it finds ids there and puts them into a map only at the first change, or
 * at the first id the table does not give: its slots are then 0 to n - 1, in order, none empty.
 */
export class ElementSlots {
  /** Each id's slot, in insertion order; undefined while a restored table finds ids in {@link #table}. */
  #index: Map<string, number> | undefined;
  #table: IdTable | undefined;
  /** The id of a restored slot, without making its element. */
  #idAt: ((slot: number) => string) | undefined;
  readonly #elements: (Element | undefined)[];
  readonly #out: (Relation[] | undefined)[] = [];
  readonly #in: (Relation[] | undefined)[] = [];
  readonly #origins: (SourceRef | undefined)[] = [];
  /** How many slots were restored, and their origins (asked when first read). */
  readonly #restored: number;
  readonly #restoredOrigin: ((slot: number) => SourceRef | undefined) | undefined;
  /** Makes a restored element not made yet (its slot is empty until then). */
  #make: ((slot: number) => Element) | undefined;
  #adjacency: Adjacency | undefined;
  /** Packs {@link #adjacency} when it is first needed (a load that only walks relations by index never does). */
  #pack: (() => Adjacency) | undefined;

  constructor(
    elements: (Element | undefined)[] = [],
    index = new Map<string, number>(),
    restoredOrigin?: (slot: number) => SourceRef | undefined,
  ) {
    this.#elements = elements;
    this.#index = index;
    this.#restored = restoredOrigin ? elements.length : 0;
    this.#restoredOrigin = restoredOrigin;
  }

  /**
   * `list` grown to a place per slot before one is written: kept dense (pushed, not sized: V8 keeps a
   * large sized array as a dictionary), and grown only when written (a restored table's lists and
   * origins stay empty while only read).
   */
  #dense<T>(list: (T | undefined)[]): (T | undefined)[] {
    while (list.length < this.#elements.length) list.push(undefined);
    return list;
  }

  /**
   * Slots taken over from a checked load: `elements` (the table's own from now on), `index` each
   * id's position in it in element order (a map, or a table over the ids, which must then differ),
   * `idAt` the id at a position, `origin` each element's origin by position, `pack` the relations by
   * element as index rows (asked when first needed), and `make`, when given, the element of a
   * restored slot left empty in `elements`, made (frozen) when first read.
   */
  static restored(
    elements: (Element | undefined)[],
    index: Map<string, number> | IdTable,
    idAt: (slot: number) => string,
    origin: (slot: number) => SourceRef | undefined,
    pack: (() => Adjacency) | undefined,
    make?: (slot: number) => Element,
  ): ElementSlots {
    const slots = new ElementSlots(elements, undefined, origin);
    if (index instanceof Map) slots.#index = index;
    else {
      slots.#index = undefined;
      slots.#table = index;
    }
    slots.#idAt = idAt;
    slots.#pack = pack;
    slots.#make = make;
    return slots;
  }

  get size(): number {
    return this.#index ? this.#index.size : this.#elements.length;
  }

  /** The slot of an id, or undefined. */
  slotOf(id: string): number | undefined {
    if (this.#index) return this.#index.get(id);
    return this.#table!.find(id) ?? this.#map().get(id);
  }

  /** Each id's slot: the restored ids put into a map now, when a table found them so far. */
  #map(): Map<string, number> {
    if (!this.#index) {
      const index = new Map<string, number>();
      for (let slot = 0; slot < this.#elements.length; slot++) index.set(this.#idAt!(slot), slot);
      this.#index = index;
      this.#table = undefined;
    }
    return this.#index;
  }

  /** Every slot in use, in insertion order. */
  #slots(): Iterable<number> {
    return this.#index ? this.#index.values() : upTo(this.#elements.length);
  }

  /** The element in a slot (a slot {@link slotOf} gave): a restored one is made when first read. */
  at(slot: number): Element {
    return this.#elements[slot] ?? this.#made(slot);
  }

  #made(slot: number): Element {
    const element = this.#make!(slot);
    this.#elements[slot] = element;
    return element;
  }

  /** Puts an element in its id's slot, or a new slot; gives the element it replaced. */
  put(element: Element, origin: SourceRef | undefined): Element | undefined {
    const index = this.#map();
    const slot = index.get(element.id);
    if (slot === undefined) {
      const added = this.#elements.push(element) - 1;
      index.set(element.id, added);
      this.#dense(this.#origins)[added] = origin;
      return undefined;
    }
    const previous = this.at(slot);
    this.#elements[slot] = element;
    if (origin) this.#dense(this.#origins)[slot] = origin;
    return previous;
  }

  /** Empties an id's slot (its relations must be gone: see the model's removeElement). */
  remove(id: string): void {
    const index = this.#map();
    const slot = index.get(id);
    if (slot === undefined) return;
    index.delete(id);
    this.#elements[slot] = undefined;
    for (const list of [this.#out, this.#in, this.#origins]) if (slot < list.length) list[slot] = undefined;
  }

  /** Every element, in insertion order. */
  *elements(): IterableIterator<Element> {
    for (const slot of this.#slots()) yield this.at(slot);
  }

  /** Every id, in insertion order. */
  ids(): IterableIterator<string> {
    return this.#index ? this.#index.keys() : restoredIds(this.#elements.length, this.#idAt!);
  }

  /** Where the element in a slot was written. */
  origin(slot: number): SourceRef | undefined {
    const origin = this.#origins[slot];
    if (origin !== undefined || slot >= this.#restored) return origin;
    const restored = this.#restoredOrigin!(slot);
    if (restored) this.#dense(this.#origins)[slot] = restored;
    return restored;
  }

  /** One side of a slot's relations: the model's own list (made from the index rows, and kept, when first asked). */
  side(slot: number, side: Side): readonly Relation[] {
    const lists = side === 'out' ? this.#out : this.#in;
    const list = lists[slot];
    const adjacency = list || slot >= this.#restored ? undefined : this.#rows();
    if (!adjacency) return list ?? NO_RELATIONS;
    const made = listAt(adjacency, side, slot);
    if (made.length > 0) this.#dense(lists)[slot] = made;
    return made;
  }

  /**
   * Calls `visit` with every element and its lists, in insertion order. Lists not made yet are made
   * for the walk and not kept: a walk over a restored model leaves no list per element behind.
   */
  forEach(visit: (element: Element, out: readonly Relation[], into: readonly Relation[]) => void): void {
    const adjacency = this.#rows();
    const restored = this.#restored;
    for (const slot of this.#slots()) {
      let out: readonly Relation[] | undefined = this.#out[slot];
      let into: readonly Relation[] | undefined = this.#in[slot];
      if (adjacency && slot < restored) {
        out ??= listAt(adjacency, 'out', slot);
        into ??= listAt(adjacency, 'in', slot);
      }
      visit(this.at(slot), out ?? NO_RELATIONS, into ?? NO_RELATIONS);
    }
  }

  /** The relations by element as index rows, packed now when first needed; undefined once laid out. */
  #rows(): Adjacency | undefined {
    if (this.#pack) {
      this.#adjacency = this.#pack();
      this.#pack = undefined;
    }
    return this.#adjacency;
  }

  /** Makes every list of the index rows and drops them: before any relation changes. */
  layOut(): void {
    if (!this.#rows()) return;
    for (const slot of this.#slots()) {
      if (slot >= this.#restored) continue;
      this.side(slot, 'out');
      this.side(slot, 'in');
    }
    this.#adjacency = undefined;
  }

  /** Adds a relation to the lists of its two ends (slots; after {@link layOut}). */
  attach(relation: Relation, source: number, target: number): void {
    const out = this.#out[source];
    if (out) out.push(relation);
    else this.#dense(this.#out)[source] = [relation];
    const into = this.#in[target];
    if (into) into.push(relation);
    else this.#dense(this.#in)[target] = [relation];
  }

  /** Takes a relation out of one side of a slot's lists (after {@link layOut}). */
  detach(slot: number, side: Side, relation: Relation): void {
    const list = (side === 'out' ? this.#out : this.#in)[slot];
    const at = list ? list.indexOf(relation) : -1;
    if (at >= 0) list!.splice(at, 1);
  }

  /** Puts `next` where `previous` is in one side of a slot's lists (after {@link layOut}). */
  replace(slot: number, side: Side, previous: Relation, next: Relation): void {
    const list = (side === 'out' ? this.#out : this.#in)[slot];
    const at = list ? list.indexOf(previous) : -1;
    if (at >= 0) list![at] = next;
  }

  /** Trims every list to its length (a list that grew one relation at a time keeps room for more). */
  compact(): void {
    for (const lists of [this.#out, this.#in])
      for (let slot = 0; slot < lists.length; slot++) if (lists[slot]) lists[slot] = lists[slot]!.slice();
  }

  /** A copy with the same elements, lists (copied) and origins, in new slots (after {@link layOut}). */
  clone(): ElementSlots {
    const copy = new ElementSlots();
    for (const [id, slot] of this.#map()) {
      copy.#map().set(id, copy.#elements.push(this.at(slot)) - 1);
      copy.#out.push(this.#out[slot]?.slice());
      copy.#in.push(this.#in[slot]?.slice());
      copy.#origins.push(this.origin(slot));
    }
    return copy;
  }
}

function* upTo(count: number): IterableIterator<number> {
  for (let slot = 0; slot < count; slot++) yield slot;
}

function* restoredIds(count: number, idAt: (slot: number) => string): IterableIterator<string> {
  for (let slot = 0; slot < count; slot++) yield idAt(slot);
}
