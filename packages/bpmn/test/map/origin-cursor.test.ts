import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '@tracery/bpmn';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { type MappingContext, originOf } from '../../src/map/mapping-context.js';
import { createOriginCursor } from '../../src/map/origin-cursor.js';
import type { ModdleElement } from '../../src/parse/moddle-types.js';
import type { ParsedBpmn } from '../../src/parse/parse-bpmn.js';
import { CORPUS_DIR, readCorpusRows } from '../corpus.js';
import { fixtureBytes } from '../fixtures.js';

// originOf and the cursor read only the parse and the file name of a mapping run.
const contextOf = (parsed: ParsedBpmn) => ({ parsed, file: parsed.file }) as MappingContext;

/** The flow elements of every process, sub-processes' inside their own, in the order the mapping walks them. */
function flowElements(parsed: ParsedBpmn): ModdleElement[] {
  const out: ModdleElement[] = [];
  const walk = (container: ModdleElement) => {
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      out.push(element);
      walk(element);
    }
  };
  for (const root of (parsed.definitions?.rootElements ?? []) as ModdleElement[])
    if (root.$type === 'bpmn:Process') walk(root);
  return out;
}

// The mapping fixtures, and the corpus (the committed sample; the full suite in `pnpm conformance:bpmn`).
const files = [
  ...readdirSync(new URL('../fixtures/map/', import.meta.url)).map(
    (f) => [`map/${f}`, fixtureBytes(`map/${f}`)] as const,
  ),
  ...readCorpusRows()
    .filter((row) => row.error === undefined)
    .map((row) => [row.path, readFileSync(join(CORPUS_DIR, row.path))] as const),
];

/** Many pools and message flows before the first process: the first task is far past the start. */
function manyPools(pools: number): string {
  const participants = Array.from(
    { length: pools },
    (_, p) => `<participant id="Pool_${p}" processRef="Process_${p}"/>`,
  ).join('');
  const messages = Array.from(
    { length: pools - 1 },
    (_, p) => `<messageFlow id="Message_${p}" sourceRef="Task_${p}_1" targetRef="Task_${p + 1}_0"/>`,
  ).join('');
  const processes = Array.from(
    { length: pools },
    (_, p) =>
      `<process id="Process_${p}"><laneSet id="LaneSet_${p}"><lane id="Lane_${p}"/></laneSet><task id="Task_${p}_0"/>` +
      `<sequenceFlow id="Flow_${p}" sourceRef="Task_${p}_0" targetRef="Task_${p}_1"/><exclusiveGateway id="Gateway_${p}"/>` +
      `<task id="Task_${p}_1"/><dataObject id="Data_${p}"/></process>`,
  ).join('\n');
  return `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
<collaboration id="C">${participants}${messages}</collaboration>
${processes}
</definitions>`;
}

describe('createOriginCursor', () => {
  test.each(files)('%s: in walk order, the same origins as originOf', async (path, bytes) => {
    const parsed = await parseBpmn(bytes, { file: path });
    const context = contextOf(parsed);
    const originAt = createOriginCursor(context);
    for (const element of flowElements(parsed))
      expect(originAt(element, element.$type)).toEqual(originOf(context, element));
  });

  test('in any order, the same origins as originOf', async () => {
    const parsed = await parseBpmn(manyPools(30), { file: 'pools.bpmn' });
    const context = contextOf(parsed);
    const elements = flowElements(parsed);
    fc.assert(
      fc.property(fc.shuffledSubarray(elements, { minLength: elements.length }), (order) => {
        const originAt = createOriginCursor(context);
        for (const element of order)
          expect(originAt(element, element.$type)).toBe(originOf(context, element));
      }),
      { numRuns: 50 },
    );
  });

  test('in walk order, each process costs one look-up by id, not one per element', async () => {
    const parsed = await parseBpmn(manyPools(40), { file: 'pools.bpmn' });
    const context = contextOf(parsed);
    const originAt = createOriginCursor(context);
    const elements = flowElements(parsed);
    const origins = elements.map((element) => originOf(context, element));
    const get = vi.spyOn(parsed.positions, 'get');
    expect(elements.map((element) => originAt(element, element.$type))).toEqual(origins);
    // The first task, past 80 pools and message flows; each gateway (not a raw element): 41 look-ups of 200.
    expect(get).toHaveBeenCalledTimes(41);
  });

  test('when two elements share an id, every origin is looked up (the first element with it wins)', async () => {
    const text = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
<process id="P"><task id="T"/><task id="T"/><task id="U"/></process></definitions>`;
    const parsed = await parseBpmn(text, { file: 'twice.bpmn' });
    const context = contextOf(parsed);
    const originAt = createOriginCursor(context);
    const get = vi.spyOn(parsed.positions, 'get');
    const elements = flowElements(parsed);
    for (const element of elements)
      expect(originAt(element, element.$type)).toEqual(originOf(context, element));
    expect(get).toHaveBeenCalledTimes(2 * elements.length);
  });
});
