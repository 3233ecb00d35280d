import type { Origin } from '@tracery/core';
import type {
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnLane,
  BpmnLaneSet,
  BpmnParticipant,
  ModdleElement,
} from '../parse/moddle-types.js';
import { elementsOf } from '../parse/moddle-types.js';
import { createElementMatcher, type ElementMatcher } from './element-matcher.js';
import { createdId } from './generated-id.js';
import { cleanName, findIdToken } from './id-token.js';
import type { ElementRef, MappedProcess, ProcessMap } from './map-processes.js';
import {
  emitElement,
  emitRelation,
  extensionOf,
  type MappingContext,
  originOf,
  report,
} from './mapping-context.js';
import { isBusinessProcessId } from './resolve-business-process.js';

/** A Service or Role, and the lane or pool that made it the performer, with where that starts. */
export type Performer = ElementRef & { readonly via: ModdleElement; readonly origin: Origin };

/** Who performs what: the performer of each pool and of each flow node. */
export type PerformerMap = {
  readonly ofPool: ReadonlyMap<ModdleElement, Performer>;
  readonly ofFlowNode: ReadonlyMap<ModdleElement, Performer>;
};

type Resolve = (element: ModdleElement, what: 'lane' | 'pool') => Performer | undefined;

/**
 * Matches pools and lanes to the Services and Roles of the model, and adds `performs` relations from
 * each to the steps drawn in it (the innermost matched lane wins, then the pool) and to the process.
 * A pool whose name or `tracery:id` names a business process is that process, not a performer.
 */
export function mapPerformers(
  context: MappingContext,
  definitions: BpmnDefinitions,
  processes: ProcessMap,
): PerformerMap {
  const resolve = createResolver(
    context,
    createElementMatcher(context.model, context.mapping.kinds.performers),
  );
  const ofPool = new Map<ModdleElement, Performer>();
  for (const collaboration of elementsOf<BpmnCollaboration>(definitions.rootElements)) {
    for (const pool of elementsOf<BpmnParticipant>(collaboration.participants)) {
      if (namesBusinessProcess(context, pool)) continue;
      const performer = resolve(pool, 'pool');
      if (performer) ofPool.set(pool, performer);
    }
  }
  const ofFlowNode = new Map<ModdleElement, Performer>();
  for (const mapped of processes.processes) {
    const poolPerformer = mapped.placement.pool ? ofPool.get(mapped.placement.pool) : undefined;
    if (poolPerformer) for (const node of mapped.flowNodes) ofFlowNode.set(node, poolPerformer);
    const inLane = new Set<ModdleElement>();
    for (const laneSet of elementsOf<BpmnLaneSet>(mapped.placement.process.laneSets)) {
      assignLanes(laneSet, poolPerformer, resolve, ofFlowNode, inLane);
    }
    // No lane or pool matched yet: no flow node has a performer to inherit or to emit.
    if (ofFlowNode.size > 0) inheritFromSubProcesses(mapped.flowNodes, inLane, ofFlowNode);
    emitPerforms(context, mapped, processes, ofFlowNode, poolPerformer);
  }
  return { ofPool, ofFlowNode };
}

function assignLanes(
  laneSet: BpmnLaneSet,
  parent: Performer | undefined,
  resolve: Resolve,
  ofFlowNode: Map<ModdleElement, Performer>,
  inLane: Set<ModdleElement>,
): void {
  for (const lane of elementsOf<BpmnLane>(laneSet.lanes)) {
    const performer = resolve(lane, 'lane') ?? parent;
    for (const node of elementsOf(lane.flowNodeRef)) {
      inLane.add(node);
      if (performer) ofFlowNode.set(node, performer);
    }
    if (lane.childLaneSet) assignLanes(lane.childLaneSet, performer, resolve, ofFlowNode, inLane);
  }
}

/**
 * Modellers list a sub-process in its lane but not what it holds: a flow node that no lane lists
 * takes the performer of the sub-process around it (flow nodes come parents first).
 */
function inheritFromSubProcesses(
  flowNodes: readonly ModdleElement[],
  inLane: ReadonlySet<ModdleElement>,
  ofFlowNode: Map<ModdleElement, Performer>,
): void {
  for (const node of flowNodes) {
    const parent = node.$parent;
    const inherited = parent === undefined ? undefined : ofFlowNode.get(parent);
    if (inherited && !inLane.has(node)) ofFlowNode.set(node, inherited);
  }
}

function emitPerforms(
  context: MappingContext,
  mapped: MappedProcess,
  processes: ProcessMap,
  ofFlowNode: ReadonlyMap<ModdleElement, Performer>,
  poolPerformer: Performer | undefined,
): void {
  const type = context.mapping.relations.performs;
  const performers = poolPerformer ? [poolPerformer] : [];
  const flowNodes = ofFlowNode.size > 0 ? mapped.flowNodes : [];
  for (const node of flowNodes) {
    const performer = ofFlowNode.get(node);
    const step = performer && processes.stepOf.get(node);
    if (!performer || !step) continue;
    performers.push(performer);
    const draft = {
      type,
      source: performer.id,
      sourceKind: performer.kind,
      target: step.id,
      targetKind: step.kind,
    };
    emitRelation(context, draft, performer.origin);
  }
  const process = mapped.businessProcess;
  if (!process) return;
  for (const performer of performers) {
    const draft = {
      type,
      source: performer.id,
      sourceKind: performer.kind,
      target: process.id,
      targetKind: process.kind,
    };
    emitRelation(context, draft, performer.origin);
  }
}

function namesBusinessProcess(context: MappingContext, pool: ModdleElement): boolean {
  const explicit = extensionOf(context, pool).id;
  if (explicit !== undefined) return isBusinessProcessId(context, explicit);
  return findIdToken(pool.name, context.patterns.businessProcessId) !== undefined;
}

function createResolver(context: MappingContext, match: ElementMatcher): Resolve {
  return (element, what) => {
    const explicitId = extensionOf(context, element).id;
    const name = cleanName(element.name);
    const outcome = match({ explicitId, name });
    const place = { elementId: element.id, source: originOf(context, element) };
    const label = `${what} "${element.id}"${name ? ` ("${name}")` : ''}`;
    const kinds = context.mapping.kinds.performers.join(' or ');
    if (outcome.status === 'found')
      return { id: outcome.id, kind: outcome.kind, via: element, origin: place.source };
    if (outcome.status === 'ambiguous') {
      const message = `${label} matches ${outcome.ids.map((id) => `"${id}"`).join(', ')}; add tracery:id to say which.`;
      report(context, 'bpmn-ambiguous-match', message, place);
      return undefined;
    }
    if (outcome.status === 'unknown-id') {
      report(
        context,
        'bpmn-unknown-reference',
        `${label} has tracery:id="${outcome.id}", which is no ${kinds} in the model.`,
        place,
      );
      return undefined;
    }
    const create = context.mapping.kinds.performers.find((kind) => kind === context.createPerformers);
    if (create && (explicitId ?? name) !== '') {
      const id = createdId(context, create, explicitId, name);
      emitElement(context, { id, kind: create, name: name || id, attributes: {} }, place.source);
      return { id, kind: create, via: element, origin: place.source };
    }
    const message = `${label} matches no ${kinds} in the model by id, name or short name; add tracery:id, rename the ${what}, or add the element to the model.`;
    report(context, 'bpmn-unmatched-performer', message, place);
    return undefined;
  };
}
