import {
  BPMN_NOTATION_RULE_IDS,
  bpmnNotationRules,
  checkBpmnNotation,
  importBpmn,
  parseBpmn,
} from '@tracery/bpmn';
import { runRules } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { fixtureBytes } from '../fixtures.js';
import { mhhsModel } from '../map/mhhs-model.js';

/** Every diagnostic the repository loader reports for a diagram: the import's and the notation checks'. */
async function loaderDiagnostics(path: string) {
  const bytes = fixtureBytes(path);
  const imported = await importBpmn(bytes, { file: path, model: mhhsModel() });
  return [...imported.diagnostics, ...checkBpmnNotation(imported.parsed)];
}

describe('the BPMN notation rules', () => {
  test('the pass fixture breaks none of them', async () => {
    const codes = (await loaderDiagnostics('rules/pass.bpmn')).map((d) => d.code);
    expect(codes.filter((code) => (BPMN_NOTATION_RULE_IDS as readonly string[]).includes(code))).toEqual([]);
  });

  test.each([
    ['bpmn-message-flow-without-interface', 'MessageFlow_1', 6],
    ['bpmn-unmatched-performer', 'Lane_MOP', 10],
    ['bpmn-unlabelled-task', 'Collect', 17],
    ['bpmn-disconnected-flow-node', 'Orphan', 20],
    ['bpmn-start-event-required', 'Process_1', 8],
    ['bpmn-end-event-required', 'Process_1', 8],
  ])('%s: its fail fixture gives exactly one finding, on %s at line %i', async (rule, elementId, line) => {
    const path = `rules/${rule}.fail.bpmn`;
    const found = (await loaderDiagnostics(path)).filter((d) => d.code === rule);
    expect(found).toMatchObject([{ elementId, source: { file: path, line } }]);
  });

  test("the engine turns the loader's diagnostics into findings of these rules", async () => {
    const path = 'rules/bpmn-unlabelled-task.fail.bpmn';
    const report = runRules(
      { model: mhhsModel(), diagnostics: await loaderDiagnostics(path) },
      { rules: bpmnNotationRules() },
    );
    expect(report.rules.map((r) => r.id).sort()).toEqual([...BPMN_NOTATION_RULE_IDS].sort());
    expect(report.findings).toMatchObject([
      {
        rule: 'bpmn-unlabelled-task',
        severity: 'warning',
        elementId: 'Collect',
        source: { file: path, line: 17 },
      },
    ]);
  });

  test('embedded sub-processes need start and end events too; event and ad-hoc sub-processes do not, nor are boundary events or ad-hoc tasks disconnected', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="P" name="BP010 Nested">
    <bpmn:startEvent id="S" />
    <bpmn:subProcess id="Sub" name="Embedded">
      <bpmn:task id="Inner" name="Inner work" />
    </bpmn:subProcess>
    <bpmn:subProcess id="OnError" name="On error" triggeredByEvent="true">
      <bpmn:task id="Handle" name="Handle it" />
    </bpmn:subProcess>
    <bpmn:adHocSubProcess id="AdHoc" name="Any order">
      <bpmn:task id="Loose" name="Loose task" />
    </bpmn:adHocSubProcess>
    <bpmn:boundaryEvent id="Timer" attachedToRef="Sub" />
    <bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub" />
    <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="AdHoc" />
    <bpmn:sequenceFlow id="F3" sourceRef="AdHoc" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>
`;
    const parsed = await parseBpmn(xml, { file: 'nested.bpmn' });
    expect(parsed.diagnostics).toEqual([]);
    expect(checkBpmnNotation(parsed).map((d) => [d.code, d.elementId])).toEqual([
      ['bpmn-start-event-required', 'Sub'],
      ['bpmn-end-event-required', 'Sub'],
      ['bpmn-disconnected-flow-node', 'Inner'],
      ['bpmn-disconnected-flow-node', 'Handle'],
    ]);
  });
});
