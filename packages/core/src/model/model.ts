import { MultiDirectedGraph } from 'graphology';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import { type Element, type Relation, relationKey } from './element.js';

/** Where an element or relation was written: a file position, as diagnostics use. */
export type Origin = SourceRef;

/**
 * The design as a typed graph: elements are nodes, relations are directed edges keyed by
 * `source, type, target`, on a graphology `MultiDirectedGraph` (exposed as `graph` for its algorithms).
 *
 * The model is mutable through its methods; the elements and relations it hands out are frozen,
 * so a change is always a replacement (see the package README for why).
 *
 * @example
 * const model = new Model(defaultMetamodel());
 * model.addElement({ id: 'IF-021', kind: 'Interface', name: 'Consumption data', attributes: {} });
 */
export class Model {
  readonly metamodel: Metamodel;
  /** The underlying graph. Read it freely; change the model only through this class. */
  readonly graph = new MultiDirectedGraph<{ element: Element }, { relation: Relation }>({
    allowSelfLoops: true,
  });
  readonly #byKind = new Map<string, Set<string>>();
  readonly #elementOrigins = new Map<string, Origin>();
  readonly #relationOrigins = new Map<string, Origin>();

  constructor(metamodel: Metamodel) {
    this.metamodel = metamodel;
  }

  /** How many elements the model holds. */
  get elementCount(): number {
    return this.graph.order;
  }

  /** How many relations the model holds. */
  get relationCount(): number {
    return this.graph.size;
  }

  /** Adds an element; throws if its id is already taken. */
  addElement(element: Element, origin?: Origin): Element {
    if (this.graph.hasNode(element.id)) {
      throw new InvalidArgumentError(
        `element: id "${element.id}" is already in the model; use putElement to replace it.`,
      );
    }
    return this.putElement(element, origin);
  }

  /** Adds an element, or replaces the one with the same id (its relations stay). */
  putElement(element: Element, origin?: Origin): Element {
    const frozen = freezeElement(element);
    const previous = this.findElement(element.id);
    if (previous && previous.kind !== frozen.kind) this.#byKind.get(previous.kind)?.delete(previous.id);
    this.graph.mergeNode(frozen.id, { element: frozen });
    let ids = this.#byKind.get(frozen.kind);
    if (!ids) {
      ids = new Set();
      this.#byKind.set(frozen.kind, ids);
    }
    ids.add(frozen.id);
    if (origin) this.#elementOrigins.set(frozen.id, origin);
    return frozen;
  }

  /** Removes an element and every relation at either end of it. */
  removeElement(id: string): void {
    const element = this.getElement(id);
    for (const edge of this.graph.edges(id)) this.#relationOrigins.delete(edge);
    this.graph.dropNode(id);
    this.#byKind.get(element.kind)?.delete(id);
    this.#elementOrigins.delete(id);
  }

  /** True when an element with this id is in the model. */
  hasElement(id: string): boolean {
    return this.graph.hasNode(id);
  }

  /** The element with this id; throws {@link NotFoundError} when there is none. */
  getElement(id: string): Element {
    const element = this.findElement(id);
    if (!element) throw new NotFoundError(`element "${id}" not found.`);
    return element;
  }

  /** The element with this id, or undefined. */
  findElement(id: string): Element | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'element') : undefined;
  }

  /** Every element, in insertion order. */
  *elements(): IterableIterator<Element> {
    for (const { attributes } of this.graph.nodeEntries()) yield attributes.element;
  }

  /** The ids of the elements of one kind, in insertion order. */
  idsOfKind(kind: string): ReadonlySet<string> {
    return this.#byKind.get(kind) ?? new Set();
  }

  /**
   * Adds a relation under its forward type name. Both ends must exist. Returns false when the
   * same relation (type, source, target) is already there, which leaves it unchanged.
   */
  addRelation(relation: Relation, origin?: Origin): boolean {
    if (!this.metamodel.relationTypes.has(relation.type)) {
      throw new InvalidArgumentError(`relation: unknown relation type "${relation.type}".`);
    }
    for (const end of ['source', 'target'] as const) {
      if (!this.graph.hasNode(relation[end])) {
        throw new NotFoundError(`relation: ${end} element "${relation[end]}" not found.`);
      }
    }
    const key = relationKey(relation);
    if (this.graph.hasEdge(key)) return false;
    this.graph.addDirectedEdgeWithKey(key, relation.source, relation.target, {
      relation: freezeRelation(relation),
    });
    if (origin) this.#relationOrigins.set(key, origin);
    return true;
  }

  /** Replaces the attributes of an existing relation. */
  putRelation(relation: Relation): void {
    const key = relationKey(relation);
    if (!this.graph.hasEdge(key))
      throw new NotFoundError(`relation "${describeRelation(relation)}" not found.`);
    this.graph.setEdgeAttribute(key, 'relation', freezeRelation(relation));
  }

  /** True when this relation is in the model. */
  hasRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): boolean {
    return this.graph.hasEdge(relationKey(relation));
  }

  /** The relation with this type and ends, or undefined. */
  findRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): Relation | undefined {
    const key = relationKey(relation);
    return this.graph.hasEdge(key) ? this.graph.getEdgeAttribute(key, 'relation') : undefined;
  }

  /** Removes a relation; throws {@link NotFoundError} when it is not there. */
  removeRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): void {
    const key = relationKey(relation);
    if (!this.graph.hasEdge(key))
      throw new NotFoundError(`relation "${describeRelation(relation)}" not found.`);
    this.graph.dropEdge(key);
    this.#relationOrigins.delete(key);
  }

  /** Every relation, in insertion order. */
  *relations(): IterableIterator<Relation> {
    for (const { attributes } of this.graph.edgeEntries()) yield attributes.relation;
  }

  /** Where an element was written, when it came from a file. */
  originOfElement(id: string): Origin | undefined {
    return this.#elementOrigins.get(id);
  }

  /** Where a relation was written, when it came from a file. */
  originOfRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): Origin | undefined {
    return this.#relationOrigins.get(relationKey(relation));
  }

  /**
   * A model rebuilt from what an earlier, checked load produced (the whole-load cache): elements and
   * relations are taken as they are (frozen in place, not copied) and added without the checks
   * {@link addElement} and {@link addRelation} make, which they passed when first loaded. `origins`
   * gives each element's and each relation's origin by index. Not for data that was not checked.
   */
  static restore(
    metamodel: Metamodel,
    elements: readonly Element[],
    relations: readonly Relation[],
    origins: {
      readonly element: (index: number) => Origin | undefined;
      readonly relation: (index: number) => Origin | undefined;
    },
  ): Model {
    const model = new Model(metamodel);
    const graph = model.graph;
    for (let i = 0; i < elements.length; i++) {
      const element = freezeInPlace(elements[i]!);
      graph.addNode(element.id, { element });
      let ids = model.#byKind.get(element.kind);
      if (!ids) {
        ids = new Set();
        model.#byKind.set(element.kind, ids);
      }
      ids.add(element.id);
      const origin = origins.element(i);
      if (origin) model.#elementOrigins.set(element.id, origin);
    }
    for (let i = 0; i < relations.length; i++) {
      const relation = relations[i]!;
      Object.freeze(relation.attributes);
      Object.freeze(relation);
      const key = relationKey(relation);
      graph.addDirectedEdgeWithKey(key, relation.source, relation.target, { relation });
      const origin = origins.relation(i);
      if (origin) model.#relationOrigins.set(key, origin);
    }
    return model;
  }

  /** A copy that can be changed without touching this one (elements are shared: they are frozen). */
  clone(): Model {
    const copy = new Model(this.metamodel);
    for (const element of this.elements()) copy.putElement(element, this.originOfElement(element.id));
    for (const relation of this.relations()) copy.addRelation(relation, this.originOfRelation(relation));
    return copy;
  }
}

/**
 * `source -type-> target`, for messages.
 *
 * @example
 * describeRelation({ type: 'sends', source: 'SUP', target: 'IF-021' }) // 'SUP -sends-> IF-021'
 */
export function describeRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): string {
  return `${relation.source} -${relation.type}-> ${relation.target}`;
}

function freezeElement(element: Element): Element {
  if (Object.isFrozen(element) && Object.isFrozen(element.attributes)) return element;
  const copy: Element = { ...element, attributes: Object.freeze({ ...element.attributes }) };
  if (element.tags) (copy as { tags?: readonly string[] }).tags = Object.freeze([...element.tags]);
  return Object.freeze(copy);
}

function freezeInPlace(element: Element): Element {
  Object.freeze(element.attributes);
  if (element.tags) Object.freeze(element.tags);
  return Object.freeze(element);
}

function freezeRelation(relation: Relation): Relation {
  if (Object.isFrozen(relation)) return relation;
  return Object.freeze({ ...relation, attributes: Object.freeze({ ...relation.attributes }) });
}
