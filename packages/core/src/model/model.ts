import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Metamodel } from '../metamodel/metamodel.js';
import { describeRelation, type Element, type Relation, relationKey } from './element.js';
import type { ElementRows } from './element-columns.js';
import { ElementSlots } from './element-slots.js';
import { freezeElement, freezeRelation } from './freeze-values.js';
import { KindIndex } from './kind-index.js';
import { buildModelGraph, type ModelGraph } from './model-graph.js';
import { NO_RELATIONS } from './model-node.js';
import { RelationKeys } from './relation-keys.js';
import { restoreModelParts } from './restore-model-parts.js';
import type { Origin, RestoredLayout, RestoredOrigins } from './restored-layout.js';
import type { RelationRows, RelationVisit } from './restored-relations.js';

export { describeRelation } from './element.js';
export type { Origin, RestoredLayout, RestoredOrigins } from './restored-layout.js';

/**
 * The design as a typed graph: elements are nodes, relations are directed edges keyed by
 * `source, type, target`. The model keeps its own adjacency (the relations going out of and coming
 * into each element); a graphology `MultiDirectedGraph` view is built on first read of `graph`, for
 * its algorithms, and kept up to date by the model's methods after that.
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
  #slots = new ElementSlots();
  /** Relations by `relationKey`, in insertion order, and their origins (a restored model's keyed when first needed). */
  #relations = new RelationKeys();
  /** Element ids by kind, in insertion order; a restored model builds it when first needed. */
  #kinds = new KindIndex(() => this.#slots.elements());
  #graph: ModelGraph | undefined;
  #revision = 0;
  /** What {@link restore} was given, kept while the model is at the revision it was restored at. */
  #layout: RestoredLayout | undefined;

  constructor(metamodel: Metamodel) {
    this.metamodel = metamodel;
  }

  /**
   * A graphology view of the model (nodes carry `element`, edges carry `relation` and are keyed by
   * `relationKey`), built on first read and kept up to date by the model's methods. Read it freely;
   * change the model only through this class: a change made on the view is not seen by the model.
   * The model's own methods ({@link outRelations}, {@link inRelations}, {@link elements}) answer
   * without building it.
   */
  get graph(): ModelGraph {
    this.#graph ??= buildModelGraph(this.elements(), this.#relations.keyed());
    return this.#graph;
  }

  /**
   * A number that changes whenever an element or relation is added, replaced or removed: a cache
   * built from the model is still good while the revision it was built at is the model's.
   */
  get revision(): number {
    return this.#revision;
  }

  /** How many elements the model holds. */
  get elementCount(): number {
    return this.#slots.size;
  }

  /** How many relations the model holds. */
  get relationCount(): number {
    return this.#relations.size;
  }

  /** Adds an element; throws if its id is already taken. */
  addElement(element: Element, origin?: Origin): Element {
    if (this.#slots.slotOf(element.id) !== undefined) {
      throw new InvalidArgumentError(
        `element: id "${element.id}" is already in the model; use putElement to replace it.`,
      );
    }
    return this.putElement(element, origin);
  }

  /** Adds an element, or replaces the one with the same id (its relations stay). */
  putElement(element: Element, origin?: Origin): Element {
    const frozen = freezeElement(element);
    this.#kinds.ensureBuilt(); // a restored model's, built from the elements before this one
    const previous = this.#slots.put(frozen, origin);
    if (previous && previous.kind !== frozen.kind) this.#kinds.remove(previous.kind, frozen.id);
    this.#kinds.add(frozen);
    this.#graph?.mergeNode(frozen.id, { element: frozen });
    this.#revision++;
    return frozen;
  }

  /** Removes an element and every relation at either end of it. */
  removeElement(id: string): void {
    const element = this.getElement(id);
    const slots = this.#slots;
    slots.layOut();
    const slot = slots.slotOf(id)!;
    for (const relation of [...slots.side(slot, 'out'), ...slots.side(slot, 'in')]) {
      if (this.#relations.keyed().has(relationKey(relation))) this.#dropRelation(relation);
    }
    slots.remove(id);
    this.#kinds.remove(element.kind, id);
    this.#graph?.dropNode(id);
    this.#revision++;
  }

  /** True when an element with this id is in the model. */
  hasElement(id: string): boolean {
    return this.#slots.slotOf(id) !== undefined;
  }

  /** The element with this id; throws {@link NotFoundError} when there is none. */
  getElement(id: string): Element {
    const element = this.findElement(id);
    if (!element) throw new NotFoundError(`element "${id}" not found.`);
    return element;
  }

  /** The element with this id, or undefined. */
  findElement(id: string): Element | undefined {
    const slot = this.#slots.slotOf(id);
    return slot === undefined ? undefined : this.#slots.at(slot);
  }

  /** Every element, in insertion order. */
  elements(): IterableIterator<Element> {
    return this.#slots.elements();
  }

  /** Every element id, in insertion order. */
  elementIds(): IterableIterator<string> {
    return this.#slots.ids();
  }

  /** The ids of the elements of one kind, in insertion order. */
  idsOfKind(kind: string): ReadonlySet<string> {
    return this.#kinds.idsOf(kind);
  }

  /**
   * The relations going out of an element (it is their source), in the order they were added; empty
   * for an id the model does not have. The list is the model's own: read it, and copy it before
   * changing the model while going through it.
   *
   * @example
   * model.outRelations('IF-021').filter((r) => r.type === 'carries').map((r) => r.target)
   */
  outRelations(id: string): readonly Relation[] {
    const slot = this.#slots.slotOf(id);
    return slot === undefined ? NO_RELATIONS : this.#slots.side(slot, 'out');
  }

  /**
   * The relations coming into an element (it is their target), in the order they were added; empty
   * for an id the model does not have. The list is the model's own, as for {@link outRelations}.
   *
   * @example
   * model.inRelations('IF-021').filter((r) => r.type === 'sends').map((r) => r.source)
   */
  inRelations(id: string): readonly Relation[] {
    const slot = this.#slots.slotOf(id);
    return slot === undefined ? NO_RELATIONS : this.#slots.side(slot, 'in');
  }

  /**
   * Calls `visit` with every element and the relations going out of it and coming into it, in
   * insertion order, without looking an id up: for a query that goes over the whole model. Read the
   * lists, do not keep or change them (a restored model may make them for the walk only), and do not
   * change the model during the walk.
   *
   * @example
   * let links = 0;
   * model.forEachElement((element, out) => { links += out.length; });
   */
  forEachElement(
    visit: (element: Element, out: readonly Relation[], into: readonly Relation[]) => void,
  ): void {
    this.#slots.forEach(visit);
  }

  /**
   * Adds a relation under its forward type name. Both ends must exist. Returns false when the
   * same relation (type, source, target) is already there, which leaves it unchanged.
   */
  addRelation(relation: Relation, origin?: Origin): boolean {
    if (!this.metamodel.relationTypes.has(relation.type)) {
      throw new InvalidArgumentError(`relation: unknown relation type "${relation.type}".`);
    }
    const source = this.#endSlot(relation, 'source');
    const target = this.#endSlot(relation, 'target');
    const key = relationKey(relation);
    if (this.#relations.keyed().has(key)) return false;
    this.#slots.layOut();
    this.#link(key, freezeRelation(relation), source, target);
    if (origin) this.#relations.setOrigin(key, origin);
    return true;
  }

  #endSlot(relation: Relation, end: 'source' | 'target'): number {
    const slot = this.#slots.slotOf(relation[end]);
    if (slot === undefined) throw new NotFoundError(`relation: ${end} element "${relation[end]}" not found.`);
    return slot;
  }

  #link(key: string, relation: Relation, source: number, target: number): void {
    this.#relations.keyed().set(key, relation);
    this.#slots.attach(relation, source, target);
    this.#graph?.addDirectedEdgeWithKey(key, relation.source, relation.target, { relation });
    this.#revision++;
  }

  /**
   * Trims each element's lists of relations to their length. A list that grew one relation at a time
   * keeps room for more (about 17 places for 2 relations); after a bulk load that room is most of
   * the adjacency's memory. Changes nothing a reader sees.
   */
  compact(): void {
    this.#slots.compact();
  }

  /** Replaces the attributes of an existing relation. */
  putRelation(relation: Relation): void {
    const key = relationKey(relation);
    const previous = this.#relations.keyed().get(key);
    if (!previous) throw new NotFoundError(`relation "${describeRelation(relation)}" not found.`);
    const slots = this.#slots;
    slots.layOut();
    const frozen = freezeRelation(relation);
    this.#relations.keyed().set(key, frozen);
    slots.replace(slots.slotOf(relation.source)!, 'out', previous, frozen);
    slots.replace(slots.slotOf(relation.target)!, 'in', previous, frozen);
    this.#graph?.setEdgeAttribute(key, 'relation', frozen);
    this.#revision++;
  }

  /** True when this relation is in the model. */
  hasRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): boolean {
    return this.#relations.keyed().has(relationKey(relation));
  }

  /** The relation with this type and ends, or undefined. */
  findRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): Relation | undefined {
    return this.#relations.keyed().get(relationKey(relation));
  }

  /** Removes a relation; throws {@link NotFoundError} when it is not there. */
  removeRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): void {
    const stored = this.#relations.keyed().get(relationKey(relation));
    if (!stored) throw new NotFoundError(`relation "${describeRelation(relation)}" not found.`);
    this.#dropRelation(stored);
  }

  #dropRelation(relation: Relation): void {
    const slots = this.#slots;
    slots.layOut();
    const key = relationKey(relation);
    this.#relations.delete(key);
    slots.detach(slots.slotOf(relation.source)!, 'out', relation);
    slots.detach(slots.slotOf(relation.target)!, 'in', relation);
    this.#graph?.dropEdge(key);
    this.#revision++;
  }

  /**
   * The layout {@link restore} was given (elements, relations and their ends as element indexes), while
   * the model has not changed since; undefined for a model built through its methods or changed after
   * it was restored. A query over the whole model can then number elements and follow relations by
   * index, without looking an id up.
   *
   * @example
   * const layout = model.restoredLayout();
   * if (layout) for (let r = 0; r < layout.relations.length; r++) count[layout.ends[2 * r + 1]!]!++;
   */
  restoredLayout(): RestoredLayout | undefined {
    return this.#revision === 0 ? this.#layout : undefined;
  }

  /** Every relation, in insertion order. */
  relations(): IterableIterator<Relation> {
    return this.#relations.values();
  }

  /**
   * Calls `visit` with every relation's type, source, target and attributes, in insertion order: for a
   * query that reads every relation but keeps few, it makes no relation object a restored model has not
   * made yet. With `withAttributes`, only the relations that have at least one attribute are visited
   * (a restored model goes through those only: a walk for review stamps skips the rest unread). Do
   * not change the model during the walk.
   *
   * @example
   * let reviewed = 0;
   * model.forEachRelation((type, source, target, attributes) => { if (attributes.reviewed) reviewed++; });
   */
  forEachRelation(visit: RelationVisit, options: { readonly withAttributes?: boolean } = {}): void {
    this.#relations.forEach(visit, options.withAttributes === true);
  }

  /** Where an element was written, when it came from a file. */
  originOfElement(id: string): Origin | undefined {
    const slot = this.#slots.slotOf(id);
    return slot === undefined ? undefined : this.#slots.origin(slot);
  }

  /** Where a relation was written, when it came from a file. */
  originOfRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): Origin | undefined {
    return this.#relations.originOf(relationKey(relation));
  }

  /**
   * A model rebuilt from what an earlier, checked load produced (the whole-load cache): elements and
   * relations are taken as they are (frozen in place, not copied) and added without the checks
   * {@link addElement} and {@link addRelation} make, which they passed when first loaded. `elements`
   * are objects, or {@link ElementRows} (columns, and each element made, then frozen, when first read).
   * `relations`
   * are objects, or {@link RelationRows} (types and attributes by relation, with `ends` required), made
   * into objects only when first asked for. `origins` gives each element's and each relation's origin
   * by index, asked only when an origin is read (or, for relations, when the model first looks one up
   * by key). `ends`, when given, holds for relation `i` the indexes in `elements` of its source (at
   * `2 * i`) and target (at `2 * i + 1`), so the adjacency is laid out without looking ids up. `index`,
   * when given, maps each element's id to its index in `elements`, in element order (as a load that
   * checked the ids built it): the model takes it over as its own instead of building another; or it
   * is the places of an `IdTable` over the elements' ids (as the whole-load cache keeps them; the ids
   * must then differ), in which the model finds ids, putting them into a map only when it first
   * changes or is asked for an id the table does not give. Not for data that was not checked.
   */
  static restore(
    metamodel: Metamodel,
    elements: readonly Element[] | ElementRows,
    relations: readonly Relation[] | RelationRows,
    origins: RestoredOrigins,
    ends?: Int32Array,
    index?: Map<string, number> | Int32Array,
  ): Model {
    const model = new Model(metamodel);
    const parts = restoreModelParts(elements, relations, origins, ends, index);
    model.#slots = parts.slots;
    model.#kinds = new KindIndex(() => parts.slots.elements(), true);
    model.#relations = parts.relations;
    model.#layout = parts.layout;
    return model;
  }

  /** A copy that can be changed without touching this one (elements are shared: they are frozen). */
  clone(): Model {
    const copy = new Model(this.metamodel);
    this.#slots.layOut();
    copy.#slots = this.#slots.clone();
    for (const element of copy.#slots.elements()) copy.#kinds.add(element);
    copy.#relations = this.#relations.clone();
    return copy;
  }
}
