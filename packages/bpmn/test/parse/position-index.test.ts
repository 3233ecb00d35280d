import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLineIndex } from '../../src/parse/line-index.js';
import { PositionIndex } from '../../src/parse/position-index.js';
import { scanRawXml } from '../../src/parse/scan-raw-xml.js';
import { fixtureBytes } from '../fixtures.js';

const DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
// The same length, so every offset stays: under it no element is diagram interchange, nothing is deferred.
const NOT_DI = 'http://www.omg.org/spec/BPMN/20100524/XX';

const scan = (text: string) => scanRawXml(text, createLineIndex(text, 'x.bpmn'));

/**
 * Everything the scan answers, with the index walked in order (which indexes what was deferred). Of
 * `idsRepeat`, only what the comparison with bpmn-moddle reads: whether an id repeats among counted elements.
 */
function answers(text: string) {
  const raw = scan(text);
  const counted = raw.elements.flatMap((e) => (e.id === undefined ? [] : [e.id]));
  return {
    elements: raw.elements,
    positions: [...raw.positions],
    extensions: [...raw.extensionAttributes],
    countedIdsRepeat: raw.idsRepeat && new Set(counted).size < counted.length,
    idsRepeatWhenCountedDo: raw.idsRepeat || new Set(counted).size === counted.length,
    problem: raw.problem,
  };
}

const head = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="${DI}" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:tracery="https://tracery.dev/bpmn" id="D">`;
const processXml = (id: string) =>
  `<bpmn:process id="${id}"><bpmn:task id="T1" name="One"/><!-- <bpmn:task id="hidden"/> --><bpmn:task id="T2"><bpmn:documentation><![CDATA[<x id="T1">]]></bpmn:documentation></bpmn:task><bpmn:sequenceFlow id="F1" sourceRef="T1" targetRef="T2"/></bpmn:process>`;
// Pieces a diagram may hold: ordinary shapes, ids that repeat the process's, and things that do not belong there.
const DIAGRAM_PIECES = [
  '<bpmndi:BPMNShape id="T1_di" bpmnElement="T1"><dc:Bounds x="1" y="2" width="3" height="4"/></bpmndi:BPMNShape>',
  '<bpmndi:BPMNShape id="T2_di" bpmnElement="T2"><dc:Bounds x="1" y="2" width="3" height="4"/></bpmndi:BPMNShape>',
  '<bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"/>',
  '<bpmndi:BPMNShape id="T1" bpmnElement="T1"/>',
  '<bpmndi:BPMNShape id="P"/>',
  '<!-- <bpmndi:BPMNShape id="commented"/> -->',
  '<bpmndi:BPMNShape id="S&amp;1"/>',
  '<bpmndi:BPMNShape id="X_di" tracery:id="X"/>',
  '<bpmndi:BPMNLabel id="L1"><bpmn:task id="InDiagram"/></bpmndi:BPMNLabel>',
  '<bpmn:task id="T3_di_task"/>',
  '<other:thing xmlns:other="urn:other" id="T2"/>',
];
const diagramXml = (id: string, pieces: readonly string[]) =>
  `<bpmndi:BPMNDiagram id="${id}"><bpmndi:BPMNPlane id="${id}_plane" bpmnElement="P">${pieces.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;

const documents = fc
  .tuple(
    fc.array(fc.constantFrom(...DIAGRAM_PIECES), { maxLength: 6 }),
    fc.array(fc.constantFrom(...DIAGRAM_PIECES), { maxLength: 3 }),
    fc.constantFrom('diagram last', 'diagram first', 'between', 'two diagrams'),
  )
  .map(([pieces, more, order]) => {
    const one = diagramXml('Diagram_1', pieces);
    const two = diagramXml('Diagram_2', more);
    const body =
      order === 'diagram last'
        ? processXml('P') + one
        : order === 'diagram first'
          ? one + processXml('P')
          : order === 'between'
            ? processXml('P') + one + processXml('Q')
            : processXml('P') + one + two;
    return `${head}${body}</bpmn:definitions>`;
  });

describe('PositionIndex and the scan that defers the diagram', () => {
  test('answers as a scan that defers nothing: positions in order, first id first, elements with their ancestors', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(answers(text)).toEqual(answers(text.replaceAll(DI, NOT_DI)));
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  test.each(['map/bp004-data-collection.bpmn', 'map/change-of-supplier.bpmn'])(
    'the fixture %s: the same answers, deferred or not',
    (fixture) => {
      const text = new TextDecoder().decode(fixtureBytes(fixture));
      expect(text).toContain(DI);
      expect(answers(text)).toEqual(answers(text.replaceAll(DI, NOT_DI)));
    },
  );

  test("a shape's id is found by get, has and a walk, with the shape's position", () => {
    const text = `${head}${processXml('P')}\n  ${diagramXml('Diagram_1', [DIAGRAM_PIECES[0] as string])}</bpmn:definitions>`;
    const lines = createLineIndex(text, 'x.bpmn');
    const at = (needle: string) => lines.sourceAt(text.indexOf(needle));
    for (const ask of [
      (p: ReadonlyMap<string, unknown>) => p.get('T1_di'),
      (p: ReadonlyMap<string, unknown>) => p.has('T1_di') && p.get('T1_di'),
      (p: ReadonlyMap<string, unknown>) => new Map(p).get('T1_di'),
      (p: ReadonlyMap<string, unknown>) => p.size > 0 && p.get('T1_di'),
    ]) {
      expect(ask(scan(text).positions)).toEqual(at('<bpmndi:BPMNShape id="T1_di"'));
    }
    expect(scan(text).positions.get('nowhere')).toBeUndefined();
  });

  test('an index with a deferred stretch reads it once, in order, after what it already holds', () => {
    const text = '<a id="x"><b id="y"/><c id="x"/><d id="z"/></a>';
    const index = new PositionIndex(text, createLineIndex(text, 'x.xml'));
    index.set('first', { file: 'x.xml', line: 1, column: 1 });
    index.defer(0, text.length);
    expect([...index.keys()]).toEqual(['first', 'x', 'y', 'z']);
    expect(index.get('x')).toEqual({ file: 'x.xml', line: 1, column: 1 });
    expect(index.get('z')).toEqual({ file: 'x.xml', line: 1, column: text.indexOf('<d') + 1 });
  });
});
