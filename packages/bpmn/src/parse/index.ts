export {
  BPMN_COUNT_KEYS,
  BPMN_NAMESPACE,
  type BpmnCountKey,
  type BpmnCounts,
  TRACERY_NAMESPACE,
} from './bpmn-counts.js';
export type {
  BpmnCollaboration,
  BpmnDataAssociation,
  BpmnDefinitions,
  BpmnFlowElementsContainer,
  BpmnLane,
  BpmnLaneSet,
  BpmnMessageFlow,
  BpmnParticipant,
  BpmnSequenceFlow,
  ModdleElement,
} from './moddle-types.js';
export { type ParseBpmnOptions, type ParsedBpmn, parseBpmn } from './parse-bpmn.js';
export type { RawAncestor, RawElement } from './scan-raw-xml.js';
