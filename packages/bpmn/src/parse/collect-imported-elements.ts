import { type BpmnCountKey, countKeyOfType } from './bpmn-counts.js';
import { isModdleElement, type ModdleElement } from './moddle-types.js';
import type { RawElement } from './scan-raw-xml.js';

/** A counted element that bpmn-moddle imported. */
export type ImportedElement = {
  readonly countKey: BpmnCountKey;
  readonly id: string | undefined;
  readonly type: string;
};

type PropertyDescriptor = {
  readonly name: string;
  readonly isReference?: boolean;
  readonly isAttr?: boolean;
};

/**
 * Every counted element in bpmn-moddle's tree, found by following containment only
 * (the descriptor's non-reference properties), so that each element is seen once.
 */
export function collectImportedElements(root: ModdleElement): ImportedElement[] {
  const found: ImportedElement[] = [];
  const stack: ModdleElement[] = [root];
  const seen = new Set<ModdleElement>();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (seen.has(element)) continue;
    seen.add(element);
    const countKey = countKeyOfType(element.$type);
    if (countKey !== undefined) found.push({ countKey, id: element.id, type: element.$type });
    for (const child of containedElements(element)) stack.push(child);
  }
  return found;
}

function containedElements(element: ModdleElement): ModdleElement[] {
  const children: ModdleElement[] = [];
  const descriptor = element.$descriptor as { properties?: readonly PropertyDescriptor[] } | undefined;
  for (const property of descriptor?.properties ?? []) {
    if (property.isReference || property.isAttr) continue;
    const value = element[property.name];
    if (Array.isArray(value)) children.push(...value.filter(isModdleElement));
    else if (isModdleElement(value)) children.push(value);
  }
  // Generic elements (an unknown extension) keep their content here.
  const generic = element.$children;
  if (Array.isArray(generic)) children.push(...generic.filter(isModdleElement));
  return children;
}

/**
 * The counted elements bpmn-moddle kept, found by looking up the raw elements' ids in its
 * `elementsById` (it registers an element only once it is kept: a dropped element and everything
 * inside it never reach the map, and a duplicate id keeps the first). That is one lookup per element
 * instead of a walk over the whole tree; a raw element without an id needs the walk.
 */
export function importedElementsOf(
  root: ModdleElement,
  elementsById: Readonly<Record<string, unknown>>,
  raw: readonly RawElement[],
): ImportedElement[] {
  if (raw.some((element) => element.id === undefined)) return collectImportedElements(root);
  const found: ImportedElement[] = [];
  const seen = new Set<string>();
  for (const { id } of raw) {
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const element = Object.hasOwn(elementsById, id) ? elementsById[id] : undefined;
    if (!isModdleElement(element)) continue;
    const countKey = countKeyOfType(element.$type);
    if (countKey !== undefined) found.push({ countKey, id, type: element.$type });
  }
  return found;
}
