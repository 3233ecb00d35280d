import type { Origin } from '@tracery/core';
import type { BpmnSequenceFlow, ModdleElement } from '../parse/moddle-types.js';
import type { ProcessMap, StepRef } from './map-processes.js';
import { emitRelation, type MappingContext } from './mapping-context.js';

/** The sequence flows that leave each flow node that is not a step (each has a target). */
type Outgoing = ReadonlyMap<ModdleElement, readonly BpmnSequenceFlow[]>;

const NONE: readonly BpmnSequenceFlow[] = [];

/**
 * Adds a `flowsTo` relation for each step-to-step path of sequence flows, passing through gateways
 * (and any other flow node that is not a step), so that `A -> gateway -> B` becomes `A flowsTo B`.
 * The relation's origin is the first sequence flow of the path. Each path starts at a flow from a step
 * of the same process; the flows of each step are taken in document order, so of two paths to the same
 * step the first flow's origin is kept. Only flows that leave a node that is not a step are indexed
 * (a walk never goes on past a step).
 */
export function mapSequenceFlows(context: MappingContext, processes: ProcessMap): void {
  const type = context.mapping.relations.flowsTo;
  const { stepOf } = processes;
  for (const mapped of processes.processes) {
    const outgoing = new Map<ModdleElement, BpmnSequenceFlow[]>();
    // Flows from a step of this process: their indices (into the flows and their origins) and steps.
    const fromSteps: number[] = [];
    const fromStepRefs: StepRef[] = [];
    const flows = mapped.sequenceFlows;
    const ends = mapped.sequenceFlowEnds;
    for (let k = 0; k < flows.length; k++) {
      const source = ends[2 * k];
      if (!source || !ends[2 * k + 1]) continue;
      const from = stepOf.get(source);
      if (from) {
        if (from.placement === mapped.placement) {
          fromSteps.push(k);
          fromStepRefs.push(from);
        }
        continue;
      }
      const flow = flows[k] as BpmnSequenceFlow;
      const list = outgoing.get(source);
      if (list) list.push(flow);
      else outgoing.set(source, [flow]);
    }
    for (let j = 0; j < fromSteps.length; j++) {
      const k = fromSteps[j] as number;
      const from = fromStepRefs[j] as StepRef;
      const origin = mapped.sequenceFlowOrigins[k] as Origin;
      const target = ends[2 * k + 1] as ModdleElement;
      // Most flows end at a step: no walk.
      const direct = stepOf.get(target);
      if (direct) emitFlow(context, type, from, direct, origin);
      else
        for (const to of reachableSteps(target, outgoing, stepOf)) emitFlow(context, type, from, to, origin);
    }
  }
}

function emitFlow(context: MappingContext, type: string, from: StepRef, to: StepRef, origin: Origin): void {
  emitRelation(
    context,
    { type, source: from.id, sourceKind: from.kind, target: to.id, targetKind: to.kind },
    origin,
  );
}

/** The steps reached from a flow node that is not a step: the steps beyond it (loops are cut). */
function reachableSteps(
  start: ModdleElement,
  outgoing: Outgoing,
  stepOf: ProcessMap['stepOf'],
): readonly StepRef[] {
  const found: StepRef[] = [];
  const seen = new Set<ModdleElement>();
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    const step = stepOf.get(node);
    if (step) {
      found.push(step);
      continue;
    }
    for (const next of outgoing.get(node) ?? NONE) stack.push(next.targetRef as ModdleElement);
  }
  return found;
}
