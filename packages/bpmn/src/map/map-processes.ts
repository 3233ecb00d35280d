import type { Origin } from '@tracery/core';
import type {
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnFlowElementsContainer,
  BpmnParticipant,
  BpmnSequenceFlow,
  ModdleElement,
} from '../parse/moddle-types.js';
import { elementsOf, moddleTypeOf } from '../parse/moddle-types.js';
import { emitSatisfies } from './emit-satisfies.js';
import { nextFreeId, stepId } from './generated-id.js';
import { cleanName } from './id-token.js';
import {
  assignedFrom,
  assignId,
  documentationOf,
  emitElement,
  emitRelation,
  extensionOf,
  kindOfReference,
  type MappingContext,
  originOf,
  report,
} from './mapping-context.js';
import { createOriginCursor } from './origin-cursor.js';
import { type ProcessPlacement, resolveBusinessProcess } from './resolve-business-process.js';

/** An element of the model that a BPMN element maps to. */
export type ElementRef = { readonly id: string; readonly kind: string };

/** A BPMN process, the business process it maps to, and what it holds. */
export type MappedProcess = {
  readonly placement: ProcessPlacement;
  readonly businessProcess: ElementRef | undefined;
  /** Every flow node, sub-processes' included, in document order. */
  readonly flowNodes: readonly ModdleElement[];
  readonly sequenceFlows: readonly BpmnSequenceFlow[];
  /** The origin of each of `sequenceFlows`, by index. */
  readonly sequenceFlowOrigins: readonly Origin[];
  /**
   * The source and the target of each of `sequenceFlows` (at `2k` and `2k + 1`), read as the walk
   * passes the flow: each read of an element of a large diagram is likely a cache miss, so each element
   * is read in one place.
   */
  readonly sequenceFlowEnds: readonly (ModdleElement | undefined)[];
  /** The flow nodes with data associations, in the order of `flowNodes`. */
  readonly flowNodesWithData: readonly ModdleElement[];
  /** The data object and data store references, sub-processes' included. */
  readonly dataReferences: readonly ModdleElement[];
};

/** The step a flow node became, and the process it was drawn in. */
export type StepRef = ElementRef & { readonly placement: ProcessPlacement };

/** The processes of a diagram, and the step each mapped flow node became. */
export type ProcessMap = {
  readonly processes: readonly MappedProcess[];
  readonly stepOf: ReadonlyMap<ModdleElement, StepRef>;
};

const DATA_REFERENCES = new Set(['bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
const NOT_FLOW_NODES = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/**
 * Maps each process to its business process, and each task, event and sub-process to a step
 * (`BP004.Activity_1`) that is `partOf` it, with documentation as description and `tracery:satisfies`.
 */
export function mapProcesses(context: MappingContext, definitions: BpmnDefinitions): ProcessMap {
  const stepOf = new Map<ModdleElement, StepRef>();
  const originAt = createOriginCursor(context);
  const processes = placeProcesses(definitions).map((placement) => {
    const businessProcess = emitBusinessProcess(context, placement, definitions);
    const mapped = {
      placement,
      businessProcess,
      flowNodes: [] as ModdleElement[],
      sequenceFlows: [] as BpmnSequenceFlow[],
      sequenceFlowOrigins: [] as Origin[],
      sequenceFlowEnds: [] as (ModdleElement | undefined)[],
      flowNodesWithData: [] as ModdleElement[],
      dataReferences: [] as ModdleElement[],
    };
    collectFlowElements({ context, mapped, stepOf, originAt }, placement.process);
    return mapped;
  });
  return { processes, stepOf };
}

function placeProcesses(definitions: BpmnDefinitions): ProcessPlacement[] {
  const roots = elementsOf(definitions.rootElements);
  const pools = new Map<ModdleElement, { pool: BpmnParticipant; collaboration: BpmnCollaboration }>();
  for (const collaboration of roots.filter((e) => e.$type === 'bpmn:Collaboration') as BpmnCollaboration[]) {
    for (const pool of elementsOf<BpmnParticipant>(collaboration.participants)) {
      if (pool.processRef && !pools.has(pool.processRef)) pools.set(pool.processRef, { pool, collaboration });
    }
  }
  return roots
    .filter((e) => e.$type === 'bpmn:Process')
    .map((process) => ({
      process,
      pool: pools.get(process)?.pool,
      collaboration: pools.get(process)?.collaboration,
    }));
}

function emitBusinessProcess(
  context: MappingContext,
  placement: ProcessPlacement,
  definitions: BpmnDefinitions,
): ElementRef | undefined {
  const { process } = placement;
  const origin = originOf(context, process);
  const label = cleanName(process.name) || cleanName(placement.pool?.name);
  let resolved = resolveBusinessProcess(context, placement, definitions);
  const sharedWith = resolved && context.createProcesses ? assignedFrom(context, resolved.id) : undefined;
  if (resolved && sharedWith !== undefined) {
    // Two pools of one diagram named by the same collaboration, definitions or file: never one process.
    const message = `process "${process.id}"${label ? ` ("${label}")` : ''} and process "${sharedWith}" both take the business process id ${resolved.id} from ${resolved.foundIn}; with --create-missing they are not merged: this one gets an id of its own.`;
    report(context, 'bpmn-process-id-shared', message, { elementId: process.id, source: origin });
    resolved = undefined;
  }
  const previous = process.id === undefined ? undefined : context.previousIds.get(process.id);
  if (!resolved && (previous !== undefined || context.createProcesses)) {
    const id = previous ?? nextFreeId(context, context.idTemplates.businessProcess, '');
    resolved = { id, name: label || id, foundIn: previous ? 'an earlier import' : 'the id template' };
  }
  if (!resolved) {
    const message = `process "${process.id}"${label ? ` ("${label}")` : ''} names no business process: put its id in the process or pool name ("BP004 Data Collection"), add tracery:id="BP004" (xmlns:tracery="https://tracery.dev/bpmn"), or import with --create-missing to give it an id from bpmn.ids in tracery.yaml; its steps were not imported.`;
    report(context, 'bpmn-process-without-id', message, { elementId: process.id, source: origin });
    return undefined;
  }
  if (process.id !== undefined) assignId(context, process.id, resolved.id);
  const kind = context.mapping.kinds.businessProcess;
  const description = documentationOf(process) ?? documentationOf(placement.pool);
  const attributes = context.metamodel.kinds.get(kind)?.attributes?.bpmnFile
    ? { bpmnFile: context.file }
    : {};
  emitElement(
    context,
    { id: resolved.id, kind, name: resolved.name, ...(description ? { description } : {}), attributes },
    origin,
  );
  if (kindOfReference(context, resolved.id, kind) !== kind) return undefined;
  const ref = { id: resolved.id, kind };
  emitSatisfies(context, ref, process);
  return ref;
}

/** A walk over the flow elements of one process, and where it puts what it finds. */
type Collect = {
  readonly context: MappingContext;
  readonly mapped: {
    readonly placement: ProcessPlacement;
    readonly businessProcess: ElementRef | undefined;
    readonly flowNodes: ModdleElement[];
    readonly sequenceFlows: BpmnSequenceFlow[];
    readonly sequenceFlowOrigins: Origin[];
    readonly sequenceFlowEnds: (ModdleElement | undefined)[];
    readonly flowNodesWithData: ModdleElement[];
    readonly dataReferences: ModdleElement[];
  };
  readonly stepOf: Map<ModdleElement, StepRef>;
  /** Flow elements come in document order: their origins from the raw elements. */
  readonly originAt: (element: ModdleElement, type: string, id?: string) => Origin;
};

function collectFlowElements(walk: Collect, container: BpmnFlowElementsContainer): void {
  const elements = container.flowElements;
  if (!Array.isArray(elements)) return;
  const { context, mapped, stepOf, originAt } = walk;
  for (const element of elements as readonly unknown[]) {
    // bpmn-moddle defines `$type` on each element as a getter: read by prototype (anything without one is skipped).
    const type = moddleTypeOf(element);
    if (type === undefined) continue;
    const node = element as ModdleElement;
    if (type === 'bpmn:SequenceFlow') {
      const flow = node as BpmnSequenceFlow;
      mapped.sequenceFlows.push(flow);
      mapped.sequenceFlowOrigins.push(originAt(node, type));
      mapped.sequenceFlowEnds.push(flow.sourceRef, flow.targetRef);
    }
    if (DATA_REFERENCES.has(type)) mapped.dataReferences.push(node);
    if (NOT_FLOW_NODES.has(type)) continue;
    mapped.flowNodes.push(node);
    if (node.dataInputAssociations !== undefined || node.dataOutputAssociations !== undefined)
      mapped.flowNodesWithData.push(node);
    const { businessProcess, placement } = mapped;
    const id = node.id;
    const step = businessProcess
      ? emitStep(context, node, type, id, businessProcess, placement, originAt(node, type, id))
      : undefined;
    if (step) stepOf.set(node, step);
    if (Array.isArray(node.flowElements)) collectFlowElements(walk, node as BpmnFlowElementsContainer);
  }
}

function emitStep(
  context: MappingContext,
  node: ModdleElement,
  type: string,
  bpmnId: string | undefined,
  businessProcess: ElementRef,
  placement: ProcessPlacement,
  origin: Origin,
): StepRef | undefined {
  const rule = context.mapping.flowNodes[type];
  if (rule === undefined) {
    const message = `${type} "${bpmnId}" has no rule in the mapping table, so sequence flows pass through it like a gateway; add a rule to make it a step.`;
    report(context, 'bpmn-unmapped-type', message, { elementId: bpmnId, source: origin });
    return undefined;
  }
  if (rule === 'collapse' || bpmnId === undefined) return undefined;
  // A `tracery:id` joins the step to one written by hand (BP004-01) instead of naming a new one.
  const extension = extensionOf(context, node);
  const id =
    extension.id ??
    (context.previousIds.size === 0 ? undefined : context.previousIds.get(bpmnId)) ??
    stepId(context, bpmnId, businessProcess, rule.kind);
  assignId(context, bpmnId, id);
  const description = documentationOf(node);
  const name = cleanName(node.name);
  // Two literal shapes (with a description, without) rather than a spread of a temporary object.
  const element =
    description === undefined
      ? { id, kind: rule.kind, name, attributes: rule.attributes }
      : { id, kind: rule.kind, name, description, attributes: rule.attributes };
  // Added: it is of the rule's kind. Not added: the model or an earlier node has the id, maybe as another kind.
  if (!emitElement(context, element, origin) && kindOfReference(context, id, rule.kind) !== rule.kind)
    return undefined;
  const step = { id, kind: rule.kind, placement };
  emitRelation(
    context,
    {
      type: context.mapping.relations.partOf,
      source: id,
      sourceKind: rule.kind,
      target: businessProcess.id,
      targetKind: businessProcess.kind,
    },
    origin,
  );
  if (extension.satisfies !== undefined) emitSatisfies(context, step, node);
  return step;
}
