import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importedModelFile, mapBpmn, parseBpmn } from '@tracery/bpmn';
import { defaultMetamodel, loadRepository } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIR, readCorpusRows } from '../corpus.js';

// A repository with the MHHS example's id patterns: generated ids must fit them.
const ID_PATTERNS = {
  BusinessProcess: '^BP\\d{3}$',
  ProcessStep: '^BP\\d{3}-\\d{2,3}$',
  Role: '^[A-Za-z][A-Za-z0-9_.-]*$',
};
const CONFIG = `name: corpus import\nmetamodel:\n  idPatterns:\n${Object.entries(ID_PATTERNS)
  .map(([kind, pattern]) => `    ${kind}: '${pattern}'`)
  .join('\n')}\n`;
const { metamodel } = extendMetamodel(defaultMetamodel(), { idPatterns: ID_PATTERNS });

const rows = readCorpusRows().filter((row) => row.error === undefined && row.counts.activities > 0);
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-bpmn-any-tool-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('BPMN from any tool, with createMissing', () => {
  test('the corpus has diagrams with tasks to import', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  test.each(rows.map((row, i) => [row.path, i] as const))(
    '%s imports at least one step and leaves a repository that validates',
    async (path, i) => {
      const parsed = await parseBpmn(await readFile(join(CORPUS_DIR, path)), {
        file: `bpmn/diagram-${i}.bpmn`,
      });
      const mapped = mapBpmn(parsed, {
        metamodel,
        createMissing: { processes: true, performers: 'Role', data: true },
      });
      expect(mapped.elements.filter(({ element }) => element.kind === 'ProcessStep').length).toBeGreaterThan(
        0,
      );
      const dir = join(work, String(i));
      await mkdir(join(dir, 'model', 'bpmn'), { recursive: true });
      await writeFile(join(dir, 'tracery.yaml'), CONFIG);
      await writeFile(join(dir, 'model', 'bpmn', 'diagram.yaml'), importedModelFile(mapped, { metamodel }));
      const loaded = await loadRepository(dir);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      expect(loaded.model.elementCount).toBe(mapped.elements.length);
    },
  );
});
