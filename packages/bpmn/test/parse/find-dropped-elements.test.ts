import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeXml } from '../../src/parse/decode-xml.js';
import {
  findDroppedElements,
  findDroppedElementsByWalk,
  type ImportComparison,
} from '../../src/parse/find-dropped-elements.js';
import { importWithModdle } from '../../src/parse/import-with-moddle.js';
import { createLineIndex } from '../../src/parse/line-index.js';
import { scanRawXml } from '../../src/parse/scan-raw-xml.js';
import { CORPUS_DIR, readCorpusRows } from '../corpus.js';
import { fixtureBytes } from '../fixtures.js';

const files = [
  ['parse/lane-set-with-illegal-id.bpmn', fixtureBytes('parse/lane-set-with-illegal-id.bpmn')] as const,
  ...readCorpusRows()
    .filter((row) => row.error === undefined)
    .map((row) => [row.path, readFileSync(join(CORPUS_DIR, row.path))] as const),
];

describe('findDroppedElements', () => {
  // The look-up in bpmn-moddle's elementsById stands in for a walk over its whole tree: both must name
  // the same drops and count the same imported elements, on every file where each raw element has an id.
  test.each(files)('%s: the look-up by id and the walk over the tree agree', async (file, bytes) => {
    const decoded = decodeXml(bytes, file);
    if (!decoded.ok) throw new Error(`${file} does not decode`);
    const raw = scanRawXml(decoded.text, createLineIndex(decoded.text, file));
    const imported = await importWithModdle(decoded.text);
    if (!imported.ok) throw new Error(`${file} does not import`);
    const walked = findDroppedElementsByWalk(imported.definitions, raw.elements);
    const drops = (c: ImportComparison) => c.dropped.map((e) => [e.countKey, e.id, e.offset]);
    // the scan's idsRepeat, and the path that assumes ids may repeat, give the walk's answer
    for (const idsRepeat of new Set([raw.idsRepeat, true])) {
      const looked = findDroppedElements(
        imported.definitions,
        imported.elementsById,
        raw.elements,
        idsRepeat,
      );
      expect(looked.importedCounts).toEqual(walked.importedCounts);
      expect(drops(looked)).toEqual(drops(walked));
    }
  });

  test('the fixture with an illegal lane-set id and a duplicate task id loses two lanes and a task', async () => {
    const text = new TextDecoder().decode(fixtureBytes('parse/lane-set-with-illegal-id.bpmn'));
    const raw = scanRawXml(text, createLineIndex(text, 'x.bpmn'));
    const imported = await importWithModdle(text);
    if (!imported.ok) throw new Error('the fixture does not import');
    expect(raw.idsRepeat).toBe(true);
    const { dropped } = findDroppedElements(imported.definitions, imported.elementsById, raw.elements, true);
    expect(dropped.map((e) => e.id)).toEqual(['Lane_1', 'Lane_2', 'Task_1']);
  });

  // bpmn-moddle's map has no prototype; a map that inherits (`{}`) must not take `toString` for a kept element.
  test('an id named like an Object.prototype member is a drop when the map holds it only by inheritance', async () => {
    const text = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
<process id="P"><task id="toString"/><task id="constructor"/><task id="T"/></process></definitions>`;
    const raw = scanRawXml(text, createLineIndex(text, 'x.bpmn'));
    const imported = await importWithModdle(text);
    if (!imported.ok) throw new Error('the text does not import');
    expect(Object.getPrototypeOf(imported.elementsById)).toBe(null);
    const kept = findDroppedElements(imported.definitions, imported.elementsById, raw.elements, false);
    expect(kept.dropped).toEqual([]);
    const inherited: Record<string, unknown> = { P: imported.elementsById.P, T: imported.elementsById.T };
    const { dropped, importedCounts } = findDroppedElements(
      imported.definitions,
      inherited,
      raw.elements,
      false,
    );
    expect(dropped.map((e) => e.id)).toEqual(['toString', 'constructor']);
    expect(importedCounts.activities).toBe(1);
  });
});
