import { defineRule, type Rule } from '@tracery/core';
import { BPMN_DIAGNOSTIC_CODES } from '../diagnostics/bpmn-diagnostic-codes.js';

/** The ids of the BPMN notation rules: diagnostic codes that the BPMN loader reports. */
export const BPMN_NOTATION_RULE_IDS = [
  'bpmn-message-flow-without-interface',
  'bpmn-unmatched-performer',
  'bpmn-unlabelled-task',
  'bpmn-disconnected-flow-node',
  'bpmn-start-event-required',
  'bpmn-end-event-required',
] as const;

/**
 * The BPMN notation rules, for the rule engine: a message flow that names no interface, a lane or pool
 * that maps to no Service or Role, an unlabelled activity, a flow node connected to nothing, a process
 * without a start or an end event. The diagrams are read when the repository loads, so the loader
 * reports them (`reportedAtLoad`) and the engine makes its diagnostics findings: severities, `off`,
 * suppressions and accepted findings in tracery.yaml apply to them as to any rule.
 *
 * @example
 * const report = await checkRepository(loaded, { rules: [...defaultRules(), ...bpmnNotationRules()] });
 */
export function bpmnNotationRules(): Rule[] {
  return BPMN_NOTATION_RULE_IDS.map((id) =>
    defineRule({
      id,
      severity: BPMN_DIAGNOSTIC_CODES[id].severity,
      description: `${sentence(BPMN_DIAGNOSTIC_CODES[id].summary)} (in a BPMN diagram).`,
      reportedAtLoad: true,
    }),
  );
}

function sentence(summary: string): string {
  return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}`;
}
