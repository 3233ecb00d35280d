import * as bpmn from '@tracery/bpmn';
import { expect, test } from 'vitest';

test('the public surface of @tracery/bpmn is exactly these runtime exports', () => {
  expect(Object.keys(bpmn).sort()).toMatchInlineSnapshot(`
    [
      "BPMN_COUNT_KEYS",
      "BPMN_DIAGNOSTIC_CODES",
      "BPMN_NAMESPACE",
      "BPMN_NOTATION_RULE_IDS",
      "BpmnMappingSchema",
      "DEFAULT_BPMN_MAPPING",
      "StepRuleSchema",
      "TRACERY_NAMESPACE",
      "bpmnNotationRules",
      "bpmnSourceLoader",
      "checkBpmnNotation",
      "importBpmn",
      "importedModelFile",
      "joinDiagram",
      "mapBpmn",
      "parseBpmn",
      "traceryPlugin",
    ]
  `);
});
