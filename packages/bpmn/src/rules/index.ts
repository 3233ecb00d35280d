export { BPMN_NOTATION_RULE_IDS, bpmnNotationRules } from './bpmn-notation-rules.js';
export { checkBpmnNotation } from './check-bpmn-notation.js';
