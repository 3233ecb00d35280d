export {
  BPMN_DIAGNOSTIC_CODES,
  type BpmnDiagnosticCode,
  type BpmnDiagnosticCodeInfo,
} from './diagnostics/index.js';
export { type ImportBpmnOptions, type ImportedBpmn, importBpmn } from './import-bpmn.js';
export {
  type BpmnSourceLoaderOptions,
  bpmnSourceLoader,
  type JoinDiagramOptions,
  type JoinedDiagram,
  joinDiagram,
} from './load/index.js';
export {
  type BpmnMapping,
  type BpmnMappingResult,
  BpmnMappingSchema,
  DEFAULT_BPMN_MAPPING,
  type MapBpmnOptions,
  type MappedElement,
  type MappedRelation,
  mapBpmn,
  type StepRule,
  StepRuleSchema,
} from './map/index.js';
export {
  BPMN_COUNT_KEYS,
  BPMN_NAMESPACE,
  type BpmnCollaboration,
  type BpmnCountKey,
  type BpmnCounts,
  type BpmnDataAssociation,
  type BpmnDefinitions,
  type BpmnFlowElementsContainer,
  type BpmnLane,
  type BpmnLaneSet,
  type BpmnMessageFlow,
  type BpmnParticipant,
  type BpmnSequenceFlow,
  type ModdleElement,
  type ParseBpmnOptions,
  type ParsedBpmn,
  parseBpmn,
  type RawAncestor,
  type RawElement,
  TRACERY_NAMESPACE,
} from './parse/index.js';
export { BPMN_NOTATION_RULE_IDS, bpmnNotationRules, checkBpmnNotation } from './rules/index.js';
export { traceryPlugin } from './tracery-plugin.js';
export { type ImportedModelFileOptions, importedModelFile } from './write/index.js';
