import { type BpmnCountKey, countKeyOfType } from './bpmn-counts.js';
import { isModdleElement, type ModdleElement } from './moddle-types.js';

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
