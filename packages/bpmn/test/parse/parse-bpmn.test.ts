import { parseBpmn } from '@tracery/bpmn';
import { describe, expect, test } from 'vitest';
import { fixtureBytes } from '../fixtures.js';

describe('parseBpmn', () => {
  test('names every element that bpmn-moddle drops, with the enclosing element whose fault took it along', async () => {
    // given a lane set whose id holds a space, and a task id used twice
    const file = 'parse/lane-set-with-illegal-id.bpmn';
    // when the file is parsed
    const parsed = await parseBpmn(fixtureBytes(file), { file });
    // then the raw counts keep what bpmn-moddle lost, and each loss is an error that names the element
    expect(parsed.rawCounts).toMatchObject({ lanes: 2, activities: 2 });
    expect(parsed.importedCounts).toMatchObject({ lanes: 0, activities: 1 });
    const drops = parsed.diagnostics.filter((d) => d.code === 'bpmn-element-dropped');
    expect(drops.map((d) => [d.elementId, d.source?.line, d.source?.column])).toEqual([
      ['Lane_1', 8, 7],
      ['Lane_2', 11, 7],
      ['Task_1', 14, 5],
    ]);
    expect(drops[0]?.message).toBe(
      'lane "Lane_1" ("Supplier") was not imported: it is inside <model:laneSet id="Pool 1_laneSet"> (line 7, column 5), ' +
        'which bpmn-moddle dropped because its id "Pool 1_laneSet" is not a valid XML name; ' +
        'the model will miss it and what it holds, so fix the file in the modelling tool.',
    );
    expect(drops[2]?.message).toContain(
      'its id "Task_1" is already used by the element at line 13, column 5',
    );
  });

  test("bpmn-moddle's warnings become diagnostics: the lane set's own fault and the references left dangling", async () => {
    const file = 'parse/lane-set-with-illegal-id.bpmn';
    const parsed = await parseBpmn(fixtureBytes(file), { file });
    const others = parsed.diagnostics.filter((d) => d.code !== 'bpmn-element-dropped');
    expect(others.map((d) => [d.code, d.severity, d.elementId, d.source?.line])).toEqual([
      ['bpmn-illegal-id', 'warning', 'Pool 1_laneSet', 7],
      ['bpmn-unresolved-reference', 'warning', 'Lane_1_di', 21],
      ['bpmn-unresolved-reference', 'warning', 'Lane_2_di', 24],
    ]);
    // the duplicate id is reported once, as the drop of the task, not again as a warning
    expect(parsed.diagnostics.filter((d) => d.code === 'bpmn-duplicate-id')).toEqual([]);
  });

  test('decodes an ISO-8859-1 file with CRLF line ends, and positions count lines as an editor does', async () => {
    const file = 'parse/latin1-crlf.bpmn';
    const parsed = await parseBpmn(fixtureBytes(file), { file });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.rawElements.map((e) => [e.tag, e.name, e.source.line, e.source.column])).toEqual([
      ['semantic:process', 'BP009 Größe & Qualität', 3, 3],
      ['semantic:task', 'Zählerstände prüfen', 4, 5],
    ]);
    expect(parsed.definitions?.rootElements?.[0]?.name).toBe('BP009 Größe & Qualität');
    expect(parsed.positions.get('Task_1_di')).toEqual({ file, line: 8, column: 7 });
  });

  test('resolves elements by namespace URI, whatever the prefix, and ignores look-alikes in other namespaces', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:v="http://vendor.example/ext" xmlns:t="https://tracery.dev/bpmn" id="D">
  <process id="P" t:id="BP004">
    <task id="A" name="Collect" t:satisfies="REQ-1 REQ-2" />
    <extensionElements><v:task id="V" /></extensionElements>
  </process>
</definitions>`;
    const parsed = await parseBpmn(xml, { file: 'ns.bpmn' });
    expect(parsed.rawElements.map((e) => e.id)).toEqual(['P', 'A']);
    expect(Object.fromEntries(parsed.extensionAttributes)).toEqual({
      P: { id: 'BP004' },
      A: { satisfies: 'REQ-1 REQ-2' },
    });
  });
});
