import type { Diagnostic } from '@tracery/core';
import { bpmnDiagnostic } from '../diagnostics/bpmn-diagnostic.js';
import type { BpmnFlowElementsContainer, ModdleElement } from '../parse/moddle-types.js';
import { elementsOf, isModdleElement } from '../parse/moddle-types.js';
import type { ParsedBpmn } from '../parse/parse-bpmn.js';

const ACTIVITIES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ScriptTask',
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:CallActivity',
]);
const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);
const NOT_FLOW_NODES = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

type Check = { readonly parsed: ParsedBpmn; readonly out: Diagnostic[] };

/**
 * Checks a diagram against the notation conventions (after bpmnlint's `label-required`,
 * `no-disconnected`, `start-event-required` and `end-event-required`): every activity has a label, every
 * flow node is connected by a sequence flow, and every process and embedded sub-process has a start
 * event and an end event. Event sub-processes, ad-hoc sub-processes, boundary events and compensation
 * activities are exempt where bpmnlint exempts them. The codes are the ids of {@link bpmnNotationRules}.
 *
 * @example
 * const parsed = await parseBpmn(bytes, { file });
 * for (const d of checkBpmnNotation(parsed)) console.log(formatDiagnostic(d));
 */
export function checkBpmnNotation(parsed: ParsedBpmn): Diagnostic[] {
  const check: Check = { parsed, out: [] };
  for (const root of elementsOf(parsed.definitions?.rootElements)) {
    if (root.$type === 'bpmn:Process') checkContainer(check, root as BpmnFlowElementsContainer, 'process');
  }
  return check.out;
}

function checkContainer(check: Check, container: BpmnFlowElementsContainer, what: string): void {
  const nodes = elementsOf(container.flowElements).filter((e) => !NOT_FLOW_NODES.has(e.$type));
  const adHoc = container.$type === 'bpmn:AdHocSubProcess';
  const eventSubProcess = container.triggeredByEvent === true;
  if (!adHoc && !eventSubProcess && nodes.length > 0) {
    for (const [type, code, word] of [
      ['bpmn:StartEvent', 'bpmn-start-event-required', 'start'],
      ['bpmn:EndEvent', 'bpmn-end-event-required', 'end'],
    ] as const) {
      if (nodes.some((n) => n.$type === type)) continue;
      const message = `${what} ${describe(container)} has no ${word} event; add one, so that readers see where it ${word === 'start' ? 'begins' : 'ends'}.`;
      report(check, code, message, container);
    }
  }
  // From the flows, not the nodes' incoming/outgoing: many tools write only the flows' ends.
  const connected = new Set<ModdleElement>();
  for (const flow of elementsOf(container.flowElements)) {
    if (flow.$type !== 'bpmn:SequenceFlow') continue;
    for (const end of [flow.sourceRef, flow.targetRef]) if (isModdleElement(end)) connected.add(end);
  }
  for (const node of nodes) {
    checkLabel(check, node);
    if (!adHoc && !connected.has(node)) checkConnected(check, node);
    if (CONTAINERS.has(node.$type)) checkContainer(check, node as BpmnFlowElementsContainer, 'sub-process');
  }
}

function checkLabel(check: Check, node: ModdleElement): void {
  if (!ACTIVITIES.has(node.$type) || (node.name ?? '').trim() !== '') return;
  const message = `${node.$type.replace(/^bpmn:/, '')} "${node.id}" has no label; name what it does, so that the step it becomes has a name.`;
  report(check, 'bpmn-unlabelled-task', message, node);
}

function checkConnected(check: Check, node: ModdleElement): void {
  if (
    node.$type === 'bpmn:BoundaryEvent' ||
    node.isForCompensation === true ||
    node.triggeredByEvent === true
  )
    return;
  const message = `${node.$type.replace(/^bpmn:/, '')} ${describe(node)} is connected to nothing by a sequence flow; connect it, or remove it.`;
  report(check, 'bpmn-disconnected-flow-node', message, node);
}

function describe(element: ModdleElement): string {
  const name = (element.name ?? '').trim();
  return `"${element.id ?? '(no id)'}"${name ? ` (${JSON.stringify(name)})` : ''}`;
}

function report(
  check: Check,
  code: Parameters<typeof bpmnDiagnostic>[0],
  message: string,
  element: ModdleElement,
): void {
  const source = element.id === undefined ? undefined : check.parsed.positions.get(element.id);
  check.out.push(bpmnDiagnostic(code, message, { elementId: element.id, source }));
}
