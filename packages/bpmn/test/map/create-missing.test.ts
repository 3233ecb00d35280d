import { mapBpmn, parseBpmn } from '@tracery/bpmn';
import { defaultMetamodel } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

// Two pools drawn in another tool, neither naming a business process (no BP id, no tracery:id).
const TWO_POOLS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://example.com">
  <collaboration id="collab">
    <participant id="pool_a" name="Supplier" processRef="proc_a"/>
    <participant id="pool_b" name="Registration" processRef="proc_b"/>
  </collaboration>
  <process id="proc_a" name="Request a change">
    <startEvent id="a_start"/>
    <task id="a_task" name="Submit change"/>
    <sequenceFlow id="a_f" sourceRef="a_start" targetRef="a_task"/>
  </process>
  <process id="proc_b" name="Record a change">
    <task id="b_task1" name="Check request"/>
    <task id="b_task2" name="Record supplier"/>
    <sequenceFlow id="b_f" sourceRef="b_task1" targetRef="b_task2"/>
  </process>
</definitions>`;

const { metamodel: patterned } = extendMetamodel(defaultMetamodel(), {
  idPatterns: { BusinessProcess: '^BP\\d{3}$', ProcessStep: '^BP\\d{3}-\\d{2}$' },
});

async function map(options: Parameters<typeof mapBpmn>[1], file = 'bpmn/change.bpmn') {
  return mapBpmn(await parseBpmn(TWO_POOLS, { file }), options);
}

describe('a diagram that follows no naming convention', () => {
  test('without createMissing, each process is reported and nothing is imported', async () => {
    const result = await map({ metamodel: patterned });
    expect(result.elements).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.elementId])).toEqual([
      ['bpmn-process-without-id', 'proc_a'],
      ['bpmn-process-without-id', 'proc_b'],
    ]);
  });

  test('with createMissing, each pool becomes its own process, with ids that fit the id patterns', async () => {
    const result = await map({ metamodel: patterned, createMissing: { processes: true } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byId = Object.fromEntries(
      result.elements.map(({ element }) => [element.id, [element.kind, element.name]]),
    );
    expect(byId).toEqual({
      BP001: ['BusinessProcess', 'Request a change'],
      'BP001-01': ['ProcessStep', ''],
      'BP001-02': ['ProcessStep', 'Submit change'],
      BP002: ['BusinessProcess', 'Record a change'],
      'BP002-01': ['ProcessStep', 'Check request'],
      'BP002-02': ['ProcessStep', 'Record supplier'],
    });
    for (const id of Object.keys(byId)) expect(id).toMatch(/^BP\d{3}(-\d{2})?$/);
    expect([...result.ids.entries()]).toEqual([
      ['a_start', 'BP001-01'],
      ['a_task', 'BP001-02'],
      ['b_task1', 'BP002-01'],
      ['b_task2', 'BP002-02'],
      ['proc_a', 'BP001'],
      ['proc_b', 'BP002'],
    ]);
  });

  test('the templates come from the options, and a re-import with the earlier ids keeps them', async () => {
    const first = await map({
      metamodel: patterned,
      createMissing: { processes: true },
      idTemplates: { businessProcess: 'BP9{n:2}' },
    });
    expect(first.elements.map(({ element }) => element.id).filter((id) => !id.includes('-'))).toEqual([
      'BP901',
      'BP902',
    ]);
    // The earlier import gave proc_b BP901: a re-import keeps that, whatever the document order says.
    const previousIds = new Map(
      [...first.ids.entries()].map(([bpmn, id]) => [
        bpmn,
        id.replace('BP901', 'BPX').replace('BP902', 'BP901').replace('BPX', 'BP902'),
      ]),
    );
    const again = await map({ metamodel: patterned, createMissing: { processes: true }, previousIds });
    expect(again.ids.get('proc_a')).toBe('BP902');
    expect(again.ids.get('proc_b')).toBe('BP901');
    expect(again.ids.get('b_task2')).toBe('BP901-02');
  });

  test('two pools that would take the same id from the file name are never merged with createMissing', async () => {
    const merged = await map({ metamodel: patterned }, 'bpmn/BP007 Change.bpmn');
    expect(
      new Set(
        merged.elements
          .filter(({ element }) => element.kind === 'BusinessProcess')
          .map(({ element }) => element.id),
      ),
    ).toEqual(new Set(['BP007']));
    const split = await map(
      { metamodel: patterned, createMissing: { processes: true } },
      'bpmn/BP007 Change.bpmn',
    );
    const processes = split.elements
      .filter(({ element }) => element.kind === 'BusinessProcess')
      .map(({ element }) => element.id);
    expect(processes).toEqual(['BP001', 'BP007']);
    expect(split.diagnostics.map((d) => d.code)).toContain('bpmn-process-id-shared');
  });
});
