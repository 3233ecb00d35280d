import { BPMN_DIAGNOSTIC_CODES, importBpmn } from '@tracery/bpmn';
import { describe, expect, test } from 'vitest';
import { fixtureBytes } from './fixtures.js';
import { mhhsModel } from './map/mhhs-model.js';

describe('importBpmn', () => {
  test('parses and maps in one call, with the diagnostics of both in file order', async () => {
    // given a diagram whose lanes bpmn-moddle drops, in a pool that matches no business process
    const file = 'parse/lane-set-with-illegal-id.bpmn';
    // when it is imported against the model
    const result = await importBpmn(fixtureBytes(file), { file, model: mhhsModel() });
    // then the parse findings and the mapping findings come together, sorted by line
    expect(result.diagnostics.map((d) => [d.source?.line, d.code])).toEqual([
      [4, 'bpmn-unmatched-performer'],
      [6, 'bpmn-process-without-id'],
      [7, 'bpmn-illegal-id'],
      [8, 'bpmn-element-dropped'],
      [11, 'bpmn-element-dropped'],
      [14, 'bpmn-element-dropped'],
      [21, 'bpmn-unresolved-reference'],
      [24, 'bpmn-unresolved-reference'],
    ]);
    expect(result.elements).toEqual([]);
    expect(result.parsed.importedCounts?.activities).toBe(1);
  });

  test('every code in the table is kebab-case with the bpmn- prefix', () => {
    for (const code of Object.keys(BPMN_DIAGNOSTIC_CODES)) expect(code).toMatch(/^bpmn-[a-z]+(-[a-z]+)*$/);
  });
});
