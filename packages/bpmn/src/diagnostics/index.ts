export { bpmnDiagnostic, type DiagnosticPlace } from './bpmn-diagnostic.js';
export {
  BPMN_DIAGNOSTIC_CODES,
  type BpmnDiagnosticCode,
  type BpmnDiagnosticCodeInfo,
} from './bpmn-diagnostic-codes.js';
