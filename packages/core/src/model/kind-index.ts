import type { Element } from './element.js';

/**
 * The model's element ids by kind, in insertion order. A restored model's index is built on the first
 * question by kind or the first change, from the elements in order (the order eager indexing gives):
 * a load that only walks the model never pays for it.
 */
export class KindIndex {
  #byKind: Map<string, Set<string>> | undefined;
  readonly #elements: () => Iterable<Element>;

  /** `lazy`: build from `elements` when first needed, rather than start empty. */
  constructor(elements: () => Iterable<Element>, lazy = false) {
    this.#elements = elements;
    this.#byKind = lazy ? undefined : new Map();
  }

  /** Records an element under its kind. */
  add(element: Element): void {
    const byKind = this.#built();
    let ids = byKind.get(element.kind);
    if (!ids) {
      ids = new Set();
      byKind.set(element.kind, ids);
    }
    ids.add(element.id);
  }

  /** Forgets an id under a kind. */
  remove(kind: string, id: string): void {
    this.#built().get(kind)?.delete(id);
  }

  /** The ids of one kind, in insertion order (the index's own set: read it, do not change it). */
  idsOf(kind: string): ReadonlySet<string> {
    return this.#built().get(kind) ?? new Set();
  }

  /** Builds a lazy index now (a change must see the ids as they were before it). */
  ensureBuilt(): void {
    this.#built();
  }

  #built(): Map<string, Set<string>> {
    if (!this.#byKind) {
      this.#byKind = new Map();
      for (const element of this.#elements()) this.add(element);
    }
    return this.#byKind;
  }
}
