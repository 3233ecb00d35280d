import type {
  BpmnCollaboration,
  BpmnDefinitions,
  BpmnMessageFlow,
  ModdleElement,
} from '../parse/moddle-types.js';
import { elementsOf } from '../parse/moddle-types.js';
import { emitSatisfies } from './emit-satisfies.js';
import { cleanName, findIdToken } from './id-token.js';
import type { PerformerMap } from './map-performers.js';
import type { ElementRef, ProcessMap } from './map-processes.js';
import {
  documentationOf,
  emitElement,
  emitRelation,
  extensionOf,
  kindOfReference,
  type MappingContext,
  originOf,
  report,
} from './mapping-context.js';

/**
 * Maps each message flow to the interface it carries (`tracery:interface`, an id such as IF-021 in the
 * flow's name, in its message's name, or the message's `tracery:interface`): `sends` from the source
 * end and `receives` at the target end, where an end is the step it touches and that step's performer,
 * or the pool's performer. An interface the model lacks is created from the diagram.
 */
export function mapMessageFlows(
  context: MappingContext,
  definitions: BpmnDefinitions,
  processes: ProcessMap,
  performers: PerformerMap,
): void {
  for (const collaboration of elementsOf<BpmnCollaboration>(definitions.rootElements)) {
    for (const flow of elementsOf<BpmnMessageFlow>(collaboration.messageFlows)) {
      const anInterface = emitInterface(context, flow);
      if (!anInterface) continue;
      emitSatisfies(context, anInterface, flow);
      const ends = [
        [flow.sourceRef, context.mapping.relations.sends, 'source'],
        [flow.targetRef, context.mapping.relations.receives, 'target'],
      ] as const;
      for (const [end, type, which] of ends) {
        const refs = endRefs(end, processes, performers);
        if (refs.length === 0) reportUnmappedEnd(context, flow, end, which);
        for (const ref of refs) {
          const draft = {
            type,
            source: ref.id,
            sourceKind: ref.kind,
            target: anInterface.id,
            targetKind: anInterface.kind,
          };
          emitRelation(context, draft, originOf(context, flow));
        }
      }
    }
  }
}

function emitInterface(context: MappingContext, flow: BpmnMessageFlow): ElementRef | undefined {
  const message = flow.messageRef;
  const pattern = context.patterns.interfaceId;
  const explicit = extensionOf(context, flow).interface ?? extensionOf(context, message).interface;
  const token = findIdToken(flow.name, pattern) ?? findIdToken(message?.name, pattern);
  const id = explicit ?? token?.id;
  const origin = originOf(context, flow);
  if (id === undefined) {
    const label = cleanName(flow.name);
    const text = `message flow "${flow.id}"${label ? ` ("${label}")` : ''} names no interface: put its id in the flow's name ("IF-021 Consumption data") or add tracery:interface="IF-021".`;
    report(context, 'bpmn-message-flow-without-interface', text, { elementId: flow.id, source: origin });
    return undefined;
  }
  const kind = context.mapping.kinds.interface;
  const name = (token?.id === id ? token.rest : '') || cleanName(message?.name) || cleanName(flow.name) || id;
  const description = documentationOf(flow) ?? documentationOf(message);
  emitElement(context, { id, kind, name, ...(description ? { description } : {}), attributes: {} }, origin);
  return kindOfReference(context, id, kind) === kind ? { id, kind } : undefined;
}

function endRefs(
  end: ModdleElement | undefined,
  processes: ProcessMap,
  performers: PerformerMap,
): ElementRef[] {
  if (!end) return [];
  const refs: ElementRef[] = [];
  const step = processes.stepOf.get(end);
  if (step) refs.push(step);
  const performer = performers.ofFlowNode.get(end) ?? performers.ofPool.get(end);
  if (performer) refs.push({ id: performer.id, kind: performer.kind });
  return refs;
}

function reportUnmappedEnd(
  context: MappingContext,
  flow: BpmnMessageFlow,
  end: ModdleElement | undefined,
  which: string,
): void {
  const what = end
    ? `${end.$type.replace(/^bpmn:/, '')} "${end.id}"${cleanName(end.name) ? ` ("${cleanName(end.name)}")` : ''}`
    : 'nothing';
  const message = `the ${which} of message flow "${flow.id}" is ${what}, which maps to no step, Service or Role; the interface has no ${which === 'source' ? 'sender' : 'receiver'} from this flow.`;
  report(context, 'bpmn-message-end-unmapped', message, {
    elementId: flow.id,
    source: originOf(context, flow),
  });
}
