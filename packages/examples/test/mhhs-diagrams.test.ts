import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bpmnSourceLoader, importBpmn, parseBpmn } from '@tracery/bpmn';
import { describeRelation, type LoadedRepository, loadRepository } from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { diagramXml } from '../src/bpmn/build-diagram.js';
import { MHHS_BPMN_FOLDER } from '../src/bpmn/generate-mhhs-diagrams.js';
import { MHHS_DIAGRAMS } from '../src/bpmn/mhhs-diagrams.js';

const MHHS = join(import.meta.dirname, '..', 'mhhs');
const FILES = MHHS_DIAGRAMS.map((spec) => `bpmn/${spec.file}`);

describe('the MHHS example diagrams', () => {
  let withDiagrams: LoadedRepository;
  let withoutDiagrams: LoadedRepository;
  beforeAll(async () => {
    withDiagrams = await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] });
    withoutDiagrams = await loadRepository(MHHS);
  });

  test('BP001, BP004 and BP018 load with the model, with no diagnostic at all', () => {
    expect(FILES).toEqual([
      'bpmn/bp001-change-of-supplier.bpmn',
      'bpmn/bp004-data-collection.bpmn',
      'bpmn/bp018-load-shaping-service.bpmn',
    ]);
    for (const file of FILES) expect(withDiagrams.files).toContain(file);
    expect(withDiagrams.diagnostics).toEqual([]);
  });

  test.each(MHHS_DIAGRAMS.map((spec) => [spec.file, spec] as const))(
    '%s joins the hand-written model: its steps, interfaces and data are the YAML elements, every relation it implies is written there',
    async (file, spec) => {
      const bytes = await readFile(join(MHHS_BPMN_FOLDER, file));
      const imported = await importBpmn(bytes, { file: `bpmn/${file}`, model: withoutDiagrams.model });
      expect(imported.diagnostics).toEqual([]);
      expect(imported.elements).toEqual([]);
      const implied = imported.relations.map((r) => describeRelation(r.relation));
      const missing = imported.relations
        .filter((r) => !withoutDiagrams.model.hasRelation(r.relation))
        .map((r) => describeRelation(r.relation));
      expect(missing).toEqual([]);
      // What the diagram says is substantial: every step, its performer, and the interfaces it carries.
      for (const node of spec.nodes.filter((n) => n.step !== undefined))
        expect(implied).toContain(`${node.step} -partOf-> ${spec.processId}`);
      for (const m of spec.messages)
        expect(implied.some((r) => r.endsWith(`-> ${m.interfaceId}`))).toBe(true);
    },
  );

  test('the interfaces of the diagrams are the hand-written ones: no interface is added', () => {
    expect(withDiagrams.model.idsOfKind('Interface').size).toBe(
      withoutDiagrams.model.idsOfKind('Interface').size,
    );
    expect(withDiagrams.model.elementCount).toBe(withoutDiagrams.model.elementCount);
    expect(withDiagrams.model.relationCount).toBe(withoutDiagrams.model.relationCount);
  });

  test.each(MHHS_DIAGRAMS.map((spec) => [spec.file, spec] as const))(
    '%s on disk is what the generator writes, and bpmn-moddle reads it back with DI for every element',
    async (file, spec) => {
      const text = await readFile(join(MHHS_BPMN_FOLDER, file), 'utf8');
      expect(text).toBe(await diagramXml(spec));
      const parsed = await parseBpmn(text, { file });
      expect(parsed.diagnostics).toEqual([]);
      const drawn = new Set(
        [...text.matchAll(/<bpmndi:BPMN(?:Shape|Edge) id="[^"]+" bpmnElement="([^"]+)"/g)].map((m) => m[1]),
      );
      const ids = [
        ...text.matchAll(
          /<bpmn:(?!definitions|documentation|incoming|outgoing|flowNodeRef|sourceRef|targetRef|collaboration|process|laneSet|message |dataObject |property)\w+ id="([^"]+)"/g,
        ),
      ].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(spec.nodes.length);
      expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
    },
  );
});
