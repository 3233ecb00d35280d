import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRepository } from '@tracery/core';
import { canonicalModel } from '@tracery/core/advanced';
import { validateWithXmllint } from '@tracery/reqif';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCaptured, runJson } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MHHS = join(ROOT, 'packages', 'examples', 'mhhs');
const FIXTURES = join(ROOT, 'packages', 'reqif', 'test', 'fixtures');
const SCHEMA = {
  schemaDir: join(FIXTURES, 'reqif-schema'),
  xmlXsd: join(FIXTURES, 'schema-addons', 'xml.xsd'),
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tracery-reqif-cli-'));
  process.env.SOURCE_DATE_EPOCH = '1767225600';
});
afterAll(async () => {
  delete process.env.SOURCE_DATE_EPOCH;
  await rm(work, { recursive: true, force: true });
});

/** A new repository with the MHHS example's tracery.yaml (its metamodel and id patterns) and no model files. */
async function emptyMhhsRepo(name: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, 'model'), { recursive: true });
  const config = await readFile(join(MHHS, 'tracery.yaml'), 'utf8');
  const ids = '\nreqif:\n  ids:\n    Requirement: REQ-IMP-{n:3}\n';
  await writeFile(join(dir, 'tracery.yaml'), config.replace(/^sources:\n {2}bpmn:.*\n/m, '') + ids);
  return dir;
}

describe('tracery export reqif / import reqif', () => {
  test('the MHHS example exports to a file that validates against the ReqIF 1.2 schema, and imports back to the same model', async () => {
    const file = join(work, 'mhhs.reqif');
    const exported = await runCaptured(['export', 'reqif', '--repo', MHHS, '--out', file]);
    expect(exported.code).toBe(0);
    const [validity] = await validateWithXmllint([file], SCHEMA);
    expect(validity?.output).toContain('validates');
    expect(validity?.valid).toBe(true);

    const repo = await emptyMhhsRepo('round-trip');
    const imported = await runCaptured(['import', 'reqif', file, '--repo', repo, '--write', '--json']);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const original = await loadRepository(MHHS, { loaders: [] });
    const back = await loadRepository(repo);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [a, b] = [canonicalModel(original.model), canonicalModel(back.model)];
    expect(b.elements.length).toBe(a.elements.length);
    expect(b.elements).toEqual(a.elements);
    expect(b.relations).toEqual(a.relations);
  });

  test('a re-import of the same file changes no byte; the report says it updates', async () => {
    const file = join(work, 'again.reqif');
    await cp(
      join(
        FIXTURES,
        'corpus',
        'ci.eclipse.org',
        'TC1100_E0000_S10_Reference_20210122_1256_jenkins',
        'sample.reqif',
      ),
      file,
    );
    const repo = await emptyMhhsRepo('again');
    const first = await runCaptured(['import', 'reqif', file, '--repo', repo, '--write']);
    expect(first.code).toBe(0);
    const model = await readFile(join(repo, 'model', 'reqif', 'again.yaml'), 'utf8');
    const ids = await readFile(join(repo, '.tracery', 'imports', 'reqif-again.yaml'), 'utf8');
    expect(model).toContain('id: REQ-IMP-001');
    const second = await runJson(['import', 'reqif', file, '--repo', repo, '--write', '--json']);
    expect(second.code).toBe(0);
    expect(second.envelope.command).toBe('import reqif');
    expect(second.envelope.payload).toMatchObject({
      update: true,
      written: true,
      counts: { elements: 5, error: 0 },
    });
    expect(await readFile(join(repo, 'model', 'reqif', 'again.yaml'), 'utf8')).toBe(model);
    expect(await readFile(join(repo, '.tracery', 'imports', 'reqif-again.yaml'), 'utf8')).toBe(ids);
    const validate = await runCaptured(['validate', repo]);
    expect(validate.code).toBe(0);
  });

  test('--write refuses a repository with load errors and writes nothing', async () => {
    const repo = await emptyMhhsRepo('broken');
    await writeFile(join(repo, 'model', 'broken.yaml'), 'elements:\n  - id: [\n');
    const file = join(FIXTURES, 'corpus', 'org.eclipse.rmf', '01_specRelationTest', 'sample.reqif');
    const result = await runCaptured(['import', 'reqif', file, '--repo', repo, '--write']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('load error');
    await expect(readFile(join(repo, 'model', 'reqif', 'sample.yaml'))).rejects.toThrow();
  });

  test('--write never writes over a model file that no import of the file wrote', async () => {
    const repo = await emptyMhhsRepo('taken');
    await mkdir(join(repo, 'model', 'reqif'), { recursive: true });
    await writeFile(join(repo, 'model', 'reqif', 'sample.yaml'), 'elements: []\n');
    const file = join(FIXTURES, 'corpus', 'org.eclipse.rmf', '01_specRelationTest', 'sample.reqif');
    const result = await runCaptured(['import', 'reqif', file, '--repo', repo, '--write']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('--name');
    expect(await readFile(join(repo, 'model', 'reqif', 'sample.yaml'), 'utf8')).toBe('elements: []\n');
  });
});
