import { DEFAULT_BPMN_MAPPING, type MapBpmnOptions, mapBpmn, parseBpmn } from '@tracery/bpmn';
import { describeRelation } from '@tracery/core';
import { describe, expect, test } from 'vitest';
import { fixtureBytes } from '../fixtures.js';
import { mhhsModel } from './mhhs-model.js';

async function mapFixture(path: string, options: MapBpmnOptions = { model: mhhsModel() }) {
  const parsed = await parseBpmn(fixtureBytes(path), { file: path });
  expect(parsed.diagnostics).toEqual([]);
  return mapBpmn(parsed, options);
}

const relationsOf = (result: Awaited<ReturnType<typeof mapFixture>>) =>
  result.relations.map((r) => describeRelation(r.relation));
const summaryOf = (result: Awaited<ReturnType<typeof mapFixture>>) =>
  result.elements.map(({ element }) => [element.id, element.kind, element.name]);
const findingsOf = (result: Awaited<ReturnType<typeof mapFixture>>) =>
  result.diagnostics.map((d) => [d.code, d.elementId, d.source?.line]);

describe('mapBpmn on one pool with lanes (BP004 Data Collection)', () => {
  const file = 'map/bp004-data-collection.bpmn';

  test('the pool names the business process, and each task and event becomes a step namespaced by it', async () => {
    const result = await mapFixture(file);
    expect(summaryOf(result)).toEqual([
      ['BP004', 'BusinessProcess', 'Data Collection'],
      ['BP004.Activity_Collect', 'ProcessStep', 'Collect reads'],
      ['BP004.Activity_Estimate', 'ProcessStep', 'Estimate reads'],
      ['BP004.Activity_Send', 'ProcessStep', 'Send consumption'],
      ['BP004.EndEvent_1', 'ProcessStep', 'Reads settled'],
      ['BP004.Event_Receive', 'ProcessStep', 'Validation result received'],
      ['BP004.StartEvent_1', 'ProcessStep', 'Reads due'],
      ['IF-022', 'Interface', 'Validation result'],
    ]);
    const [process, collect, , , , receive] = result.elements;
    expect(process).toEqual({
      element: {
        id: 'BP004',
        kind: 'BusinessProcess',
        name: 'Data Collection',
        description: 'Collects half-hourly reads and sends consumption to the MDS.',
        attributes: { bpmnFile: file },
      },
      origin: { file, line: 11, column: 3 },
    });
    expect(collect?.element).toMatchObject({
      description: 'Collects the half-hourly reads from the meters.',
      attributes: { stepType: 'task' },
    });
    expect(collect?.origin).toEqual({ file, line: 31, column: 5 });
    expect(receive?.element.attributes).toEqual({ stepType: 'event' });
  });

  test('lanes perform their steps and the process, gateways collapse, message flows carry interfaces, data is used', async () => {
    const result = await mapFixture(file);
    expect(relationsOf(result)).toEqual([
      'BP004.Activity_Collect -flowsTo-> BP004.Activity_Estimate',
      'BP004.Activity_Collect -flowsTo-> BP004.Activity_Send',
      'BP004.Activity_Collect -partOf-> BP004',
      'BP004.Activity_Collect -satisfies-> REQ-001',
      'BP004.Activity_Estimate -flowsTo-> BP004.Event_Receive',
      'BP004.Activity_Estimate -partOf-> BP004',
      'BP004.Activity_Send -flowsTo-> BP004.Event_Receive',
      'BP004.Activity_Send -partOf-> BP004',
      'BP004.Activity_Send -sends-> IF-021',
      'BP004.Activity_Send -uses-> DE-CONS',
      'BP004.EndEvent_1 -partOf-> BP004',
      'BP004.Event_Receive -flowsTo-> BP004.EndEvent_1',
      'BP004.Event_Receive -partOf-> BP004',
      'BP004.Event_Receive -receives-> IF-022',
      'BP004.StartEvent_1 -flowsTo-> BP004.Activity_Collect',
      'BP004.StartEvent_1 -partOf-> BP004',
      'MDS -receives-> IF-021',
      'MDS -sends-> IF-022',
      'SDS -performs-> BP004',
      'SDS -performs-> BP004.Activity_Collect',
      'SDS -performs-> BP004.Activity_Send',
      'SDS -performs-> BP004.Event_Receive',
      'SDS -performs-> BP004.StartEvent_1',
      'SDS -receives-> IF-022',
      'SDS -sends-> IF-021',
      'SUP -performs-> BP004',
      'SUP -performs-> BP004.Activity_Estimate',
      'SUP -performs-> BP004.EndEvent_1',
    ]);
    // a collapsed path keeps the origin of its first sequence flow; a lane's relations point at the lane
    const origin = (text: string) =>
      result.relations.find((r) => describeRelation(r.relation) === text)?.origin;
    expect(origin('BP004.Activity_Collect -flowsTo-> BP004.Activity_Send')).toEqual({
      file,
      line: 71,
      column: 5,
    });
    expect(origin('SUP -performs-> BP004.EndEvent_1')).toEqual({ file, line: 22, column: 7 });
    expect(origin('MDS -receives-> IF-021')).toEqual({ file, line: 6, column: 5 });
  });

  test('what matches nothing is a finding at its place in the diagram, not an invented element', async () => {
    const result = await mapFixture(file);
    expect(findingsOf(result)).toEqual([
      ['bpmn-message-flow-without-interface', 'Flow_M3', 8],
      ['bpmn-unmatched-performer', 'Lane_MO', 26],
      ['bpmn-unknown-reference', 'BP004.Activity_Collect', 31],
      ['bpmn-unmatched-data', 'DataStoreReference_1', 80],
    ]);
    expect(result.diagnostics[1]?.message).toBe(
      'lane "Lane_MO" ("Meter Operator") matches no Service or Role in the model by id, name or short name; add tracery:id, rename the lane, or add the element to the model.',
    );
  });

  test('with createMissing, an unmatched lane and data store become elements, with their relations', async () => {
    const result = await mapFixture(file, {
      model: mhhsModel(),
      createMissing: { performers: 'Role', data: true },
    });
    expect(summaryOf(result)).toContainEqual(['Meter-Register', 'DataEntity', 'Meter Register']);
    expect(relationsOf(result)).toContain('BP004.Activity_Collect -uses-> Meter-Register');
    expect(summaryOf(result)).toContainEqual(['Meter-Operator', 'Role', 'Meter Operator']);
    expect(findingsOf(result).map(([code]) => code)).toEqual([
      'bpmn-message-flow-without-interface',
      'bpmn-unknown-reference',
    ]);
  });

  test('the result adds to the model it was matched against without a dangling end', async () => {
    const model = mhhsModel();
    const result = await mapFixture(file, { model });
    for (const { element, origin } of result.elements) model.addElement(element, origin);
    for (const { relation, origin } of result.relations) model.addRelation(relation, origin);
    expect(model.originOfElement('BP004.Activity_Send')).toEqual({ file, line: 44, column: 5 });
    expect(model.relationCount).toBe(28);
  });

  test('the mapping table is data: a rule that collapses catch events lets sequence flows pass through them', async () => {
    const mapping = {
      ...DEFAULT_BPMN_MAPPING,
      flowNodes: { ...DEFAULT_BPMN_MAPPING.flowNodes, 'bpmn:IntermediateCatchEvent': 'collapse' as const },
    };
    const result = await mapFixture(file, { model: mhhsModel(), mapping });
    expect(summaryOf(result).map(([id]) => id)).not.toContain('BP004.Event_Receive');
    expect(relationsOf(result).filter((r) => r.includes('flowsTo-> BP004.EndEvent_1'))).toEqual([
      'BP004.Activity_Estimate -flowsTo-> BP004.EndEvent_1',
      'BP004.Activity_Send -flowsTo-> BP004.EndEvent_1',
    ]);
    // the message flow that ended at the collapsed event still reaches its lane's service
    expect(relationsOf(result)).toContain('SDS -receives-> IF-022');
  });

  test('mapping twice gives the same output, in the same order', async () => {
    const first = await mapFixture(file);
    const second = await mapFixture(file);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});

describe('mapBpmn on a collaboration of pools (BP007 Change of Supplier)', () => {
  const file = 'map/change-of-supplier.bpmn';

  test('the collaboration tracery:id names the process; pools match by name, short name and tracery:id', async () => {
    const result = await mapFixture(file);
    expect(result.diagnostics).toEqual([]);
    expect(summaryOf(result)).toEqual([
      ['BP007', 'BusinessProcess', 'Change of Supplier'],
      ['BP007.CallActivity_Agent', 'ProcessStep', 'Appoint agents'],
      ['BP007.End_REGS', 'ProcessStep', ''],
      ['BP007.End_SUP', 'ProcessStep', 'Supply starts'],
      ['BP007.End_Sub', 'ProcessStep', ''],
      ['BP007.Event_RequestReceived', 'ProcessStep', 'Request received'],
      ['BP007.StartEvent_SUP', 'ProcessStep', 'Customer signs up'],
      ['BP007.Start_Sub', 'ProcessStep', ''],
      ['BP007.SubProcess_Prepare', 'ProcessStep', 'Prepare supply'],
      ['BP007.Task_Inner', 'ProcessStep', 'Check tariff'],
      ['BP007.Task_Notify', 'ProcessStep', 'Notify distributor'],
      ['BP007.Task_Register', 'ProcessStep', 'Register supplier'],
      ['BP007.Task_Request', 'ProcessStep', 'Request registration'],
      ['IF-031', 'Interface', 'Registration request'],
      ['IF-033', 'Interface', 'Notify distributor'],
    ]);
    expect(
      result.elements.find((e) => e.element.id === 'BP007.CallActivity_Agent')?.element.attributes,
    ).toEqual({ stepType: 'call-activity' });
  });

  test('steps inside a sub-process are steps of the process; message flows link steps and pools to interfaces', async () => {
    const relations = relationsOf(await mapFixture(file));
    expect(relations.filter((r) => r.includes('flowsTo'))).toEqual([
      'BP007.CallActivity_Agent -flowsTo-> BP007.End_SUP',
      'BP007.Event_RequestReceived -flowsTo-> BP007.Task_Register',
      'BP007.StartEvent_SUP -flowsTo-> BP007.Task_Request',
      'BP007.Start_Sub -flowsTo-> BP007.Task_Inner',
      'BP007.SubProcess_Prepare -flowsTo-> BP007.End_SUP',
      'BP007.Task_Inner -flowsTo-> BP007.End_Sub',
      'BP007.Task_Notify -flowsTo-> BP007.End_REGS',
      'BP007.Task_Register -flowsTo-> BP007.Task_Notify',
      'BP007.Task_Request -flowsTo-> BP007.CallActivity_Agent',
      'BP007.Task_Request -flowsTo-> BP007.SubProcess_Prepare',
    ]);
    expect(relations.filter((r) => /sends|receives|satisfies/.test(r))).toEqual([
      'BP007.Event_RequestReceived -receives-> IF-031',
      'BP007.Task_Notify -sends-> IF-033',
      'BP007.Task_Request -sends-> IF-031',
      'IF-031 -satisfies-> REQ-010',
      'LDSO -receives-> IF-033',
      'SUP -sends-> IF-031',
      'SVC-REG -receives-> IF-031',
      'SVC-REG -sends-> IF-033',
    ]);
    expect(relations.filter((r) => r.startsWith('SVC-REG -performs->'))).toEqual([
      'SVC-REG -performs-> BP007',
      'SVC-REG -performs-> BP007.End_REGS',
      'SVC-REG -performs-> BP007.Event_RequestReceived',
      'SVC-REG -performs-> BP007.Task_Notify',
      'SVC-REG -performs-> BP007.Task_Register',
    ]);
    expect(relations.filter((r) => r.startsWith('SUP -performs->'))).toHaveLength(9);
    expect(relations.filter((r) => r.includes('-partOf-> BP007'))).toHaveLength(12);
  });

  test('without a model, explicit ids are trusted and names cannot match', async () => {
    const result = await mapFixture(file, {});
    expect(relationsOf(result).filter((r) => /^(LDSO|SUP|SVC-REG) /.test(r))).toEqual([
      'LDSO -receives-> IF-033',
    ]);
    expect(findingsOf(result)).toEqual([
      ['bpmn-unmatched-performer', 'Participant_SUP', 4],
      ['bpmn-unmatched-performer', 'Participant_REGS', 5],
    ]);
    // the requirement is trusted too: the loader that merges the diagram checks it exists
    expect(relationsOf(result)).toContain('IF-031 -satisfies-> REQ-010');
  });
});

describe('mapBpmn on nested lanes and a sub-process (BP010 Supplier billing)', () => {
  test('the innermost matched lane performs, an unmatched child lane falls back to its parent, a sub-process passes its performer in', async () => {
    // given a pool matching the Supplier role, a parent lane matching nothing, a child lane with tracery:id,
    // and a sibling child lane that matches nothing either
    const result = await mapFixture('map/bp010-nested-lanes.bpmn');
    // then the child lane's service performs its steps and what the sub-process holds; the other steps keep the pool's role
    expect(relationsOf(result).filter((r) => r.includes('-performs->'))).toEqual([
      'SDS -performs-> BP010',
      'SDS -performs-> BP010.StartEvent_1',
      'SDS -performs-> BP010.SubProcess_Bill',
      'SDS -performs-> BP010.Task_Calculate',
      'SUP -performs-> BP010',
      'SUP -performs-> BP010.EndEvent_1',
    ]);
    expect(summaryOf(result)[0]).toEqual(['BP010', 'BusinessProcess', 'Supplier billing']);
    expect(findingsOf(result)).toEqual([
      ['bpmn-unmatched-performer', 'Lane_Billing', 8],
      ['bpmn-unmatched-performer', 'Lane_Print', 14],
    ]);
  });
});

describe('mapBpmn reports what it cannot map', () => {
  test('a process with no business process id anywhere is an error, and none of its steps is imported', async () => {
    const result = await mapFixture('map/untitled.bpmn');
    expect(result.elements).toEqual([]);
    expect(result.relations).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        code: 'bpmn-process-without-id',
        severity: 'error',
        message:
          'process "Process_1" ("Settlement run") names no business process: put its id in the process or pool name ("BP004 Data Collection"), add tracery:id="BP004" (xmlns:tracery="https://tracery.dev/bpmn"), or import with --create-missing to give it an id from bpmn.ids in tracery.yaml; its steps were not imported.',
        elementId: 'Process_1',
        source: { file: 'map/untitled.bpmn', line: 3, column: 3 },
      },
    ]);
  });

  test('the file name is the last place a business process id is looked for', async () => {
    const parsed = await parseBpmn(fixtureBytes('map/untitled.bpmn'), {
      file: 'bpmn/BP012 Settlement run.bpmn',
    });
    const result = mapBpmn(parsed);
    expect(result.elements.map((e) => e.element.id)).toEqual([
      'BP012',
      'BP012.Activity_1',
      'BP012.StartEvent_1',
    ]);
    expect(result.elements[0]?.element.name).toBe('Settlement run');
  });

  test('an id the model holds as another kind is a conflict, and nothing hangs off it', async () => {
    const model = mhhsModel();
    model.addElement({ id: 'BP004', kind: 'Artefact', name: 'BP004 document', attributes: {} });
    const result = await mapFixture('map/bp004-data-collection.bpmn', { model });
    expect(findingsOf(result)).toContainEqual(['bpmn-kind-conflict', 'BP004', 11]);
    expect(relationsOf(result).filter((r) => r.includes('BP004.'))).toEqual([]);
  });

  test('a file that did not parse maps to nothing (its parse diagnostics say why)', async () => {
    const parsed = await parseBpmn(fixtureBytes('error/truncated.bpmn'), { file: 'error/truncated.bpmn' });
    expect(mapBpmn(parsed)).toEqual({ elements: [], relations: [], diagnostics: [], ids: new Map() });
  });

  test.each([
    [
      { mapping: { ...DEFAULT_BPMN_MAPPING, kinds: { ...DEFAULT_BPMN_MAPPING.kinds, data: ['Dataset'] } } },
      /kinds "Dataset" are not in the metamodel/,
    ],
    [
      {
        mapping: { ...DEFAULT_BPMN_MAPPING, relations: { ...DEFAULT_BPMN_MAPPING.relations, uses: 'reads' } },
      },
      /relation types "reads"/,
    ],
    [
      { mapping: { ...DEFAULT_BPMN_MAPPING, patterns: { businessProcessId: 'BP(', interfaceId: 'IF' } } },
      /patterns\.businessProcessId/,
    ],
    [{ mapping: { ...DEFAULT_BPMN_MAPPING, stepIdSeparator: '' } }, /stepIdSeparator/],
    [{ createMissing: { performers: 'Artefact' } }, /createMissing\.performers: "Artefact"/],
  ] as [MapBpmnOptions, RegExp][])(
    'misuse of the options throws InvalidArgumentError (%#)',
    async (options, message) => {
      const parsed = await parseBpmn(fixtureBytes('map/untitled.bpmn'), { file: 'untitled.bpmn' });
      expect(() => mapBpmn(parsed, options)).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError', message: expect.stringMatching(message) }),
      );
    },
  );
});
