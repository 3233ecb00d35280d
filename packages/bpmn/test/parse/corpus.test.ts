import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BPMN_COUNT_KEYS, type BpmnCountKey, DEFAULT_BPMN_MAPPING, mapBpmn, parseBpmn } from '@tracery/bpmn';
import { defaultMetamodel, Model } from '@tracery/core';
import { describe, expect, test } from 'vitest';
import { CORPUS_DIR, FULL_CORPUS, readCorpusRows } from '../corpus.js';

// The BPMN MIWG test suite, with counts made by an independent parser: the committed sample (40 files, one
// per tool, one malformed) in `pnpm test`, the full suite (831 files, 4 malformed) in `pnpm conformance:bpmn`.
const rows = readCorpusRows();
const wellFormed = rows.filter((row) => row.error === undefined);
const malformed = rows.filter((row) => row.error !== undefined);
// The corpus's files are named for their test case (A.1.0-export.bpmn), which serves as the process id.
const CORPUS_MAPPING = {
  ...DEFAULT_BPMN_MAPPING,
  patterns: { ...DEFAULT_BPMN_MAPPING.patterns, businessProcessId: '[ABC]\\.\\d+\\.\\d+' },
};

describe('the BPMN MIWG corpus', () => {
  test(`is present, with its ${FULL_CORPUS ? 831 : 40} files and their counts`, () => {
    expect(
      existsSync(join(CORPUS_DIR, 'COUNTS.tsv')),
      `the corpus is missing: expected ${CORPUS_DIR}/COUNTS.tsv (set TRACERY_BPMN_CORPUS to the MIWG suite's folder)`,
    ).toBe(true);
    expect(rows).toHaveLength(FULL_CORPUS ? 831 : 40);
    expect(malformed.map((row) => row.path)).toHaveLength(FULL_CORPUS ? 4 : 1);
    // and every folder of the suite is represented (34 tools, Reference and Work in Progress)
    expect(new Set(rows.map((row) => row.path.split('/')[0])).size).toBe(36);
  });

  test.each(wellFormed)(
    '$path imports, and every count equals COUNTS.tsv or each missing element is named',
    async (row) => {
      // given a well-formed file and the counts an independent parser made of it
      const file = row.path;
      // when it is parsed
      const parsed = await parseBpmn(await readFile(join(CORPUS_DIR, file)), { file });
      // then bpmn-moddle imported it, the preflight saw exactly what the independent parser saw,
      expect(parsed.definitions).toBeDefined();
      expect(parsed.rawCounts).toEqual(row.counts);
      // the only errors are named drops, and every element that did not survive is named by one
      const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code).filter((code) => code !== 'bpmn-element-dropped')).toEqual([]);
      const dropped = new Map<BpmnCountKey, number>();
      for (const diagnostic of errors) {
        const element = parsed.rawElements.find(
          (raw) =>
            raw.source.line === diagnostic.source?.line && raw.source.column === diagnostic.source.column,
        );
        expect(element, diagnostic.message).toBeDefined();
        if (!element) continue;
        expect(diagnostic.elementId).toBe(element.id);
        expect(diagnostic.message).toContain(`${element.localName} "${element.id}"`);
        if (element.name?.trim()) expect(diagnostic.message).toContain(JSON.stringify(element.name));
        dropped.set(element.countKey, (dropped.get(element.countKey) ?? 0) + 1);
      }
      const explained = Object.fromEntries(
        BPMN_COUNT_KEYS.map((key) => [key, (parsed.importedCounts?.[key] ?? 0) + (dropped.get(key) ?? 0)]),
      );
      expect(explained).toEqual(row.counts);
      // and the mapping runs on it: what it produces loads into a model, so no relation has a dangling end
      const mapped = mapBpmn(parsed, { mapping: CORPUS_MAPPING, createMissing: { performers: 'Role' } });
      const model = new Model(defaultMetamodel());
      for (const { element, origin } of mapped.elements) model.addElement(element, origin);
      for (const { relation, origin } of mapped.relations) model.addRelation(relation, origin);
      expect(model.relationCount).toBe(mapped.relations.length);
      if (/^[ABC]\.\d+\.\d+/.test(file.split('/').pop() ?? '')) {
        // every process found its id in the file name, so every imported activity became a step
        expect(mapped.diagnostics.filter((d) => d.code === 'bpmn-process-without-id')).toEqual([]);
        expect(model.idsOfKind('ProcessStep').size).toBeGreaterThanOrEqual(
          parsed.importedCounts?.activities ?? 0,
        );
      }
    },
  );

  test.each(malformed)('$path is refused with the line and column of the fault', async (row) => {
    // given a file that an independent XML parser rejects (its column is 0-based, ours 1-based)
    const file = row.path;
    // when it is parsed
    const parsed = await parseBpmn(await readFile(join(CORPUS_DIR, file)), { file });
    // then nothing is imported and one error says where the file breaks
    expect(parsed.definitions).toBeUndefined();
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        source: { file, line: row.error?.line, column: (row.error?.column0 ?? 0) + 1 },
      }),
    ]);
    expect(parsed.diagnostics[0]?.message).toMatch(/^byte 0x[0-9A-F]{2} after ".+" is not valid UTF-8/);
  });
});
