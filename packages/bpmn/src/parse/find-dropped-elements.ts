import { type BpmnCountKey, type BpmnCounts, countByKey, countKeyOfType } from './bpmn-counts.js';
import { collectImportedElements } from './collect-imported-elements.js';
import { isModdleElement, type ModdleElement } from './moddle-types.js';
import type { RawElement } from './scan-raw-xml.js';

/** What bpmn-moddle kept of the counted elements: its counts, and the raw elements it dropped. */
export type ImportComparison = {
  /** Counts of the counted elements bpmn-moddle imported. */
  readonly importedCounts: BpmnCounts;
  /** The raw elements without an imported twin (same kind, same id), in document order. */
  readonly dropped: readonly RawElement[];
};

/**
 * Compares the counted elements of the raw XML with what bpmn-moddle kept, by kind and id. bpmn-moddle
 * registers an element in `elementsById` only once it is kept (a dropped element and everything inside
 * it never reach the map, and a duplicate id keeps the first), so when every raw element has an id this
 * is one look-up per raw element, in one pass that builds nothing but the list of drops (and, when
 * `idsRepeat`, which ids are used up). A raw element without an id needs a walk over bpmn-moddle's tree.
 */
export function findDroppedElements(
  root: ModdleElement,
  elementsById: Readonly<Record<string, unknown>>,
  raw: readonly RawElement[],
  idsRepeat = true,
): ImportComparison {
  // Indexed loops: this runs once per file, often before the compiler optimizes it, and an iterator then
  // allocates a result object per element.
  for (let k = 0; k < raw.length; k++)
    if ((raw[k] as RawElement).id === undefined) return findDroppedElementsByWalk(root, raw);
  const counts = countByKey([]) as Record<BpmnCountKey, number>;
  const dropped: RawElement[] = [];
  // When an id is on more than one element, the first raw element of the imported element's kind uses
  // it up, the others are drops: `matched` says which ids are used up (false: counted, not matched).
  const matched = idsRepeat ? new Map<string, boolean>() : undefined;
  const kindOf = createCountKeyReader();
  // bpmn-moddle's map has no prototype (`Object.create(null)`): then what it holds is its own, and each
  // id costs one look-up; a map that inherits is asked whether the value is its own.
  const inherits = Object.getPrototypeOf(elementsById) !== null;
  for (let k = 0; k < raw.length; k++) {
    const element = raw[k] as RawElement;
    const id = element.id as string;
    const imported = elementsById[id];
    const own = imported !== undefined && (!inherits || Object.hasOwn(elementsById, id));
    const countKey = own ? kindOf(imported) : undefined;
    if (countKey === undefined) {
      dropped.push(element);
      continue;
    }
    const state = matched?.get(id);
    if (state === undefined) counts[countKey]++;
    if (state !== true && countKey === element.countKey) {
      matched?.set(id, true);
      continue;
    }
    if (state === undefined) matched?.set(id, false);
    dropped.push(element);
  }
  return { importedCounts: counts, dropped };
}

/**
 * The count key of an imported element, by its type. bpmn-moddle defines `$type` on each element as a
 * getter of its own; the elements of one type share a prototype, so the answer is remembered by
 * prototype (generic elements of unknown namespaces are plain objects: read every time).
 */
function createCountKeyReader(): (value: unknown) => BpmnCountKey | undefined {
  const byPrototype = new Map<object, BpmnCountKey | undefined>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return undefined;
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype !== null && prototype !== Object.prototype) {
      const known = byPrototype.get(prototype);
      if (known !== undefined || byPrototype.has(prototype)) return known;
    }
    const countKey = isModdleElement(value) ? countKeyOfType(value.$type) : undefined;
    if (prototype !== null && prototype !== Object.prototype) byPrototype.set(prototype, countKey);
    return countKey;
  };
}

/**
 * The same comparison by a walk over bpmn-moddle's whole tree (following containment only), where each
 * imported element matches one raw element of its kind and id: needed when a raw element has no id.
 */
export function findDroppedElementsByWalk(root: ModdleElement, raw: readonly RawElement[]): ImportComparison {
  const imported = collectImportedElements(root);
  const remaining = new Map<string, number>();
  for (const element of imported) {
    const key = keyOf(element.countKey, element.id);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const dropped: RawElement[] = [];
  for (const element of raw) {
    const key = keyOf(element.countKey, element.id);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else dropped.push(element);
  }
  return { importedCounts: countByKey(imported), dropped };
}

function keyOf(countKey: string, id: string | undefined): string {
  return `${countKey}\u0000${id ?? ''}`;
}
