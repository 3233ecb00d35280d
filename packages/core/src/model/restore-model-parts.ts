import type { Element, Relation } from './element.js';
import type { ElementRows } from './element-columns.js';
import { ElementSlots } from './element-slots.js';
import { packAdjacency } from './model-node.js';
import { RelationKeys } from './relation-keys.js';
import {
  layoutOf,
  type RestoredLayout,
  type RestoredOrigins,
  restoredElements,
  restoredIndex,
  restoredRelations,
} from './restored-layout.js';
import type { RelationRows } from './restored-relations.js';

/** What `Model.restore` puts in place of a new model's empty state. */
export type RestoredModelParts = {
  readonly slots: ElementSlots;
  readonly relations: RelationKeys;
  /** The layout as given, when it is exact (one slot per element, every relation's ends given). */
  readonly layout: RestoredLayout | undefined;
};

/** The elements' slots, the keyed relations and the layout of a restored model (see `Model.restore`). */
export function restoreModelParts(
  elements: readonly Element[] | ElementRows,
  relations: readonly Relation[] | RelationRows,
  origins: RestoredOrigins,
  ends?: Int32Array,
  index?: Map<string, number> | Int32Array,
): RestoredModelParts {
  const restored = restoredElements(elements);
  const { own, idAt } = restored;
  const ids = restoredIndex(own.length, idAt, index);
  const links = restoredRelations(own.length, idAt, relations, ends);
  const pack = ends ? () => packAdjacency(own.length, links, ends) : undefined;
  const slots = ElementSlots.restored(own, ids, idAt, origins.element, pack, restored.make);
  if (!ends) for (const r of links.list()) slots.attach(r, slots.slotOf(r.source)!, slots.slotOf(r.target)!);
  // Kept only when it is exact: one slot per element (no id given twice) and every relation's ends.
  const exact = ends !== undefined && slots.size === own.length;
  return {
    slots,
    relations: RelationKeys.restored(links, origins),
    layout: exact ? layoutOf(elements, slots, links, ends, origins) : undefined,
  };
}
