import type { BpmnSequenceFlow, ModdleElement } from '../parse/moddle-types.js';
import type { ProcessMap } from './map-processes.js';
import { emitRelation, type MappingContext, originOf } from './mapping-context.js';

type Outgoing = { readonly flow: BpmnSequenceFlow; readonly target: ModdleElement };

/**
 * Adds a `flowsTo` relation for each step-to-step path of sequence flows, passing through gateways
 * (and any other flow node that is not a step), so that `A -> gateway -> B` becomes `A flowsTo B`.
 * The relation's origin is the first sequence flow of the path.
 */
export function mapSequenceFlows(context: MappingContext, processes: ProcessMap): void {
  const type = context.mapping.relations.flowsTo;
  for (const mapped of processes.processes) {
    const outgoing = new Map<ModdleElement, Outgoing[]>();
    for (const flow of mapped.sequenceFlows) {
      if (!flow.sourceRef || !flow.targetRef) continue;
      const list = outgoing.get(flow.sourceRef) ?? [];
      list.push({ flow, target: flow.targetRef });
      outgoing.set(flow.sourceRef, list);
    }
    for (const node of mapped.flowNodes) {
      const from = processes.stepOf.get(node);
      if (!from) continue;
      for (const { flow, target } of outgoing.get(node) ?? []) {
        for (const to of reachableSteps(target, outgoing, processes)) {
          const draft = { type, source: from.id, sourceKind: from.kind, target: to.id, targetKind: to.kind };
          emitRelation(context, draft, originOf(context, flow));
        }
      }
    }
  }
}

/** The steps reached from a flow node: itself when it is a step, else the steps beyond it (loops are cut). */
function reachableSteps(
  start: ModdleElement,
  outgoing: ReadonlyMap<ModdleElement, readonly Outgoing[]>,
  processes: ProcessMap,
) {
  // Most flows end at a step: no walk.
  const direct = processes.stepOf.get(start);
  if (direct) return [direct];
  const found: { id: string; kind: string }[] = [];
  const seen = new Set<ModdleElement>();
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    const step = processes.stepOf.get(node);
    if (step) {
      found.push(step);
      continue;
    }
    for (const next of outgoing.get(node) ?? []) stack.push(next.target);
  }
  return found;
}
