import type { SourceRef } from '../diagnostics/diagnostic.js';
import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Element, Relation } from './element.js';
import { columnsOf, type ElementColumns, type ElementRows } from './element-columns.js';
import type { ElementSlots } from './element-slots.js';
import { freezeInPlace } from './freeze-values.js';
import { IdTable } from './id-table.js';
import { checkEnds } from './model-node.js';
import { type RelationRows, RestoredRelations } from './restored-relations.js';

// What Model.restore takes and gives besides the model's own fields: the layout a restored model
// keeps (elements, relations, ends, types and origins by index) and the checks and freezing of what
// it is given. Kept apart from model.ts, which holds the model's methods.

/**
 * A restored model as {@link Model.restore} laid it out (see {@link Model.restoredLayout}): its elements
 * in insertion order and their columns (id, kind number, status by index: a query that reads only those
 * makes no element a model restored from rows has not made), its relations in the order `relations()`
 * gives (made when first read, for a model restored from rows), for relation `i` the indexes in
 * `elements` of its source (at `2 * i`) and target (at `2 * i + 1`), and its type as a number
 * (`types[i]`) into `typeNames`: a query that only follows relations of some types needs no relation
 * object. The arrays are the model's own: read them only.
 */
export type RestoredLayout = ElementColumns & {
  readonly elements: readonly Element[];
  readonly relations: readonly Relation[];
  readonly ends: Int32Array;
  /** Where element `i` and relation `i` were written (a new object at each call), without a look-up by id or key. */
  readonly origins: RestoredOrigins;
  /** The index of the element of an id (undefined: none), as the model finds it. */
  readonly indexOf: (id: string) => number | undefined;
  readonly types: Int32Array;
  readonly typeNames: readonly string[];
};

/** Where an element or relation was written: a file position, as diagnostics use. */
export type Origin = SourceRef;

/** The origins of a restored model's elements and relations, by index (see {@link Model.restore}). */
export type RestoredOrigins = {
  readonly element: (index: number) => Origin | undefined;
  readonly relation: (index: number) => Origin | undefined;
};

/**
 * The elements given to {@link Model.restore}: the model's own list (elements frozen in place, or
 * empty places for elements given as rows, made and frozen when first read) and each one's id.
 */
export function restoredElements(elements: readonly Element[] | ElementRows): {
  own: (Element | undefined)[];
  idAt: (index: number) => string;
  make?: (index: number) => Element;
} {
  if ('make' in elements) {
    const { ids, make } = elements;
    // Sized, not pushed (see StringTable): a place per element, filled when the element is first read.
    const own: undefined[] = new Array(ids.length);
    return { own, idAt: (i) => ids[i]!, make: (i) => freezeInPlace(make(i)) };
  }
  const own = elements.slice();
  for (let i = 0; i < own.length; i++) freezeInPlace(own[i]!);
  return { own, idAt: (i) => own[i]!.id };
}

/**
 * How a restored model finds its `count` elements by id: the table over the places given (when they
 * make one for as many ids), the map given (when it holds every element), else a map built now.
 */
export function restoredIndex(
  count: number,
  idAt: (index: number) => string,
  index: Map<string, number> | Int32Array | undefined,
): Map<string, number> | IdTable {
  if (index instanceof Int32Array) {
    const table = IdTable.over(index, count, idAt);
    if (table) return table;
  } else if (index?.size === count) return index;
  const ids = new Map<string, number>();
  for (let i = 0; i < count; i++) ids.set(idAt(i), i);
  return ids;
}

/** The relations given to {@link Model.restore}, checked against the ends and frozen. */
export function restoredRelations(
  elementCount: number,
  idAt: (index: number) => string,
  relations: readonly Relation[] | RelationRows,
  ends: Int32Array | undefined,
): RestoredRelations {
  if (!('types' in relations)) {
    if (ends) checkEnds(elementCount, relations.length, ends, { relations, idAt });
    for (let i = 0; i < relations.length; i++) {
      const relation = relations[i]!;
      Object.freeze(relation.attributes);
      Object.freeze(relation);
    }
    return RestoredRelations.of(relations);
  }
  if (!ends) throw new InvalidArgumentError('restore: relations given as rows need their ends.');
  checkEnds(elementCount, relations.types.length, ends);
  const { types, typeNames } = relations;
  for (let r = 0; r < types.length; r++)
    if (typeNames[types[r]!] === undefined)
      throw new RangeError(`restore: relation type ${types[r]} is not named.`);
  for (const attributes of relations.attributes.values()) Object.freeze(attributes);
  return RestoredRelations.fromRows(idAt, ends, relations);
}

/** The layout of a restored model; its relations and (when given as rows) its elements are made when first read. */
export function layoutOf(
  elements: readonly Element[] | ElementRows,
  slots: ElementSlots,
  relations: RestoredRelations,
  ends: Int32Array,
  origins: RestoredOrigins,
): RestoredLayout {
  let columns: ElementColumns | undefined = 'make' in elements ? elements : undefined;
  let list: readonly Element[] | undefined = 'make' in elements ? undefined : elements;
  const elementList = () => {
    list ??= [...slots.elements()];
    return list;
  };
  const elementColumns = () => {
    columns ??= columnsOf(elementList());
    return columns;
  };
  return {
    get elements() {
      return elementList();
    },
    get ids() {
      return elementColumns().ids;
    },
    get kinds() {
      return elementColumns().kinds;
    },
    get kindNames() {
      return elementColumns().kindNames;
    },
    get statuses() {
      return elementColumns().statuses;
    },
    ends,
    origins,
    indexOf: (id) => slots.slotOf(id),
    get relations() {
      return relations.list();
    },
    get types() {
      return relations.typeRows().types;
    },
    get typeNames() {
      return relations.typeRows().typeNames;
    },
  };
}
