/**
 * The shapes of the bpmn-moddle elements that Tracery reads (a subset of BPMN 2.0;
 * bpmn-moddle's own generated types are not reachable from its entry point).
 */
export type ModdleElement = {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly id?: string;
  readonly name?: string;
  readonly documentation?: readonly { readonly text?: string }[];
  /** Lets generic code read any property by name. */
  readonly [property: string]: unknown;
};

/** `bpmn:Definitions`, the root of every BPMN file. */
export type BpmnDefinitions = ModdleElement & { readonly rootElements?: readonly ModdleElement[] };

/** `bpmn:Process` and `bpmn:SubProcess`: containers of flow elements. */
export type BpmnFlowElementsContainer = ModdleElement & {
  readonly flowElements?: readonly ModdleElement[];
  readonly laneSets?: readonly BpmnLaneSet[];
  readonly artifacts?: readonly ModdleElement[];
};

/** `bpmn:LaneSet`. */
export type BpmnLaneSet = ModdleElement & { readonly lanes?: readonly BpmnLane[] };

/** `bpmn:Lane`, with the flow nodes it holds and its child lanes. */
export type BpmnLane = ModdleElement & {
  readonly flowNodeRef?: readonly ModdleElement[];
  readonly childLaneSet?: BpmnLaneSet;
};

/** `bpmn:Collaboration`: pools and the message flows between them. */
export type BpmnCollaboration = ModdleElement & {
  readonly participants?: readonly BpmnParticipant[];
  readonly messageFlows?: readonly BpmnMessageFlow[];
};

/** `bpmn:Participant`, a pool; `processRef` is the process drawn in it, if any. */
export type BpmnParticipant = ModdleElement & { readonly processRef?: BpmnFlowElementsContainer };

/** `bpmn:MessageFlow`. */
export type BpmnMessageFlow = ModdleElement & {
  readonly sourceRef?: ModdleElement;
  readonly targetRef?: ModdleElement;
  readonly messageRef?: ModdleElement;
};

/** `bpmn:SequenceFlow`. */
export type BpmnSequenceFlow = ModdleElement & {
  readonly sourceRef?: ModdleElement;
  readonly targetRef?: ModdleElement;
};

/** An activity's data associations: inputs read from `sourceRef`, outputs written to `targetRef`. */
export type BpmnDataAssociation = ModdleElement & {
  readonly sourceRef?: readonly ModdleElement[];
  readonly targetRef?: ModdleElement;
};

/** True when a value is a bpmn-moddle element (it has a `$type`). */
export function isModdleElement(value: unknown): value is ModdleElement {
  return moddleTypeOf(value) !== undefined;
}

// The type of the elements of each of bpmn-moddle's prototypes, once read (see moddleTypeOf).
const typeByPrototype = new WeakMap<object, string>();

/**
 * The `$type` of a bpmn-moddle element (`bpmn:Task`), or undefined for anything else. moddle defines
 * `$type` on each element as a getter of its own (about 170 ns a read on a large diagram's elements,
 * many of which are in dictionary mode), with the name of its type; each type has a prototype of its
 * own, which names the type in its `$descriptor`. So the answer is remembered for a prototype whose
 * `$descriptor` names the type read; any other object (generic elements of unknown namespaces are plain
 * objects) is read every time.
 */
export function moddleTypeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype !== null) {
    const known = typeByPrototype.get(prototype);
    if (known !== undefined) return known;
  }
  const type = (value as { $type?: unknown }).$type;
  if (typeof type !== 'string') return undefined;
  if (prototype !== null && describedType(prototype) === type) typeByPrototype.set(prototype, type);
  return type;
}

/** The type that a bpmn-moddle prototype's own `$descriptor` names, if it has one. */
function describedType(prototype: object): unknown {
  if (!Object.hasOwn(prototype, '$descriptor')) return undefined;
  const descriptor = (prototype as { $descriptor?: { ns?: { name?: unknown } } }).$descriptor;
  return descriptor?.ns?.name;
}

// Most many-valued properties of most elements are absent: one empty list serves them all.
const NO_ELEMENTS: readonly ModdleElement[] = Object.freeze([]);

/**
 * The elements of a many-valued property, skipping anything that is not an element: the property's own
 * array when it holds only elements (as bpmn-moddle's always do), so that no copy is made.
 */
export function elementsOf<T extends ModdleElement = ModdleElement>(value: unknown): readonly T[] {
  if (!Array.isArray(value)) return NO_ELEMENTS as readonly T[];
  for (let k = 0; k < value.length; k++)
    if (!isModdleElement(value[k])) return value.filter(isModdleElement) as T[];
  return value as T[];
}
