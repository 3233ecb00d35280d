import type { Element } from '../model/element.js';
import type { Model } from '../model/model.js';

const NO_ELEMENTS: readonly Element[] = [];

/** A relation name resolved once: the relation type it reads, and whether the element is the target. */
type Resolved = { readonly type: string; readonly inverse: boolean } | null;

/**
 * What every rule of one run looks up, computed once for the run and shared by all the rules: the
 * elements (all, and by kind, built the first time a rule asks, in one pass over the model), and the
 * relation names resolved against the metamodel. Relations are read per element from the model's own
 * adjacency (`outRelations`, `inRelations`).
 *
 * The index is a snapshot: it is for one run over a model that does not change while the rules run.
 *
 * @example
 * const index = new RuleIndex(model);
 * index.related('IF-021', 'sentBy') // ['ADS', 'SDS']
 */
export class RuleIndex {
  readonly model: Model;
  #all: readonly Element[] | undefined;
  readonly #byKind = new Map<string, readonly Element[]>();
  readonly #names = new Map<string, Resolved>();

  constructor(model: Model) {
    this.model = model;
  }

  /** Every element, in model order. */
  all(): readonly Element[] {
    if (!this.#all) {
      const all: Element[] = [];
      for (const element of this.model.elements()) all.push(element);
      this.#all = all;
    }
    return this.#all;
  }

  /** The elements of one kind, in the order the model gives them (`idsOfKind`). */
  ofKind(kind: string): readonly Element[] {
    let elements = this.#byKind.get(kind);
    if (!elements) {
      const list: Element[] = [];
      for (const id of this.model.idsOfKind(kind)) list.push(this.model.getElement(id));
      elements = list.length === 0 ? NO_ELEMENTS : list;
      this.#byKind.set(kind, elements);
    }
    return elements;
  }

  /** The elements of any of these kinds (kind after kind), or every element when no kinds are given. */
  ofKinds(kinds: readonly string[] | undefined): readonly Element[] {
    if (!kinds) return this.all();
    if (kinds.length === 1) return this.ofKind(kinds[0]!);
    const list: Element[] = [];
    for (const kind of kinds) for (const element of this.ofKind(kind)) list.push(element);
    return list;
  }

  /** True when the element is at either end of at least one relation. */
  linked(id: string): boolean {
    return this.model.outRelations(id).length > 0 || this.model.inRelations(id).length > 0;
  }

  /** The ids at the other end of an element's relations of one name (a type or an inverse name), sorted. */
  related(id: string, name: string): string[] {
    const resolved = this.#resolve(name);
    if (!resolved) return [];
    const { type } = resolved;
    const ids: string[] = [];
    if (resolved.inverse) {
      for (const relation of this.model.inRelations(id))
        if (relation.type === type) ids.push(relation.source);
    } else {
      for (const relation of this.model.outRelations(id))
        if (relation.type === type) ids.push(relation.target);
    }
    return ids.length > 1 ? ids.sort() : ids;
  }

  /** True when an element has at least one relation of this name (a type or an inverse name). */
  has(id: string, name: string): boolean {
    const resolved = this.#resolve(name);
    if (!resolved) return false;
    const relations = resolved.inverse ? this.model.inRelations(id) : this.model.outRelations(id);
    for (const relation of relations) if (relation.type === resolved.type) return true;
    return false;
  }

  #resolve(name: string): Resolved {
    let resolved = this.#names.get(name);
    if (resolved === undefined) {
      const found = this.model.metamodel.relationNames.get(name);
      resolved = found ? { type: found.type.name, inverse: found.inverse } : null;
      this.#names.set(name, resolved);
    }
    return resolved;
  }
}
