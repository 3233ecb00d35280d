export {
  type BpmnMapping,
  BpmnMappingSchema,
  DEFAULT_BPMN_MAPPING,
  type StepRule,
  StepRuleSchema,
} from './bpmn-mapping.js';
export { type BpmnMappingResult, type MapBpmnOptions, mapBpmn } from './map-bpmn.js';
export type { MappedElement, MappedRelation } from './mapping-context.js';
