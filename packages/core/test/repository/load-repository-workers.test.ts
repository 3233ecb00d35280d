import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, type LoadedRepository, loadRepository } from '@tracery/core';
import { afterEach, describe, expect, test } from 'vitest';

// Issue 17: a load whose model files are parsed in worker threads gives the very answer of a load
// that parses them in process: the same model (every element and relation with its origin), the same
// diagnostics in the same order, the same files.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'repository');
const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');
const ERROR_FIXTURES = (await readdir(join(FIXTURES, 'error'))).sort();

function answer(loaded: LoadedRepository) {
  const { model } = loaded;
  return {
    diagnostics: loaded.diagnostics,
    files: loaded.files,
    elements: [...model.elements()].map((e) => [e, model.originOfElement(e.id)]),
    relations: [...model.relations()].map((r) => [r, model.originOfRelation(r)]),
  };
}

async function bothWays(dir: string) {
  const inWorkers = answer(await loadRepository(dir, { workers: 2 }));
  const inProcess = answer(await loadRepository(dir, { workers: 0 }));
  return { inWorkers, inProcess };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loading with worker threads', () => {
  test.each([
    ['the MHHS example', MHHS],
    ['the good fixture (inline, rows, JSON, .yml, aliases)', join(FIXTURES, 'good')],
    ...ERROR_FIXTURES.map((name) => [`the error fixture ${name}`, join(FIXTURES, 'error', name)]),
  ])('gives the same answer as in process on %s', async (_, dir) => {
    const { inWorkers, inProcess } = await bothWays(dir!);
    expect(inWorkers).toStrictEqual(inProcess);
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(inProcess));
  });

  test('refuses hostile files the same way: bombs, depth, prototype keys, encodings, a FIFO', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-workers-hostile-'));
    dirs.push(dir);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ).join('\n')}\nelements: []\n`;
    const files: Record<string, string | Uint8Array> = {
      'tracery.yaml': 'name: hostile\nlimits:\n  maxFileBytes: 100000\n',
      'model/bomb.yaml': bomb,
      'model/deep.yaml': `elements: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'model/proto.yaml':
        'elements:\n  - id: A\n    kind: Service\n    name: a\n    __proto__: {polluted: true}\n',
      'model/duplicate.yaml': 'elements:\n  - id: B\n    kind: Service\n    name: b\n    name: c\n',
      'model/old.yaml': '%YAML 1.1\n---\nelements: []\n',
      'model/binary.yaml': Buffer.from('elements: []\n\0\n'),
      'model/huge.yaml': `elements: []\n${'# padding\n'.repeat(20_000)}`,
      'model/good.yaml': 'elements:\n  - {id: C, kind: Service, name: c, dependsOn: [A, B]}\n',
    };
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    execFileSync('mkfifo', [join(dir, 'model', 'fifo.yaml')]);
    const { inWorkers, inProcess } = await bothWays(dir);
    expect(inWorkers).toStrictEqual(inProcess);
    expect(new Set(inWorkers.diagnostics.map((d) => d.code))).toEqual(
      new Set([
        'yaml-alias-limit',
        'yaml-too-deep',
        'forbidden-key',
        'duplicate-key',
        'yaml-version',
        'file-binary',
        'file-too-large',
        'file-not-regular',
      ]),
    );
    expect(inWorkers.elements.map(([e]) => (e as { id: string }).id).sort()).toEqual(['A', 'B', 'C']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('takes the files in file order however the workers answer: a large first file, ids and relations across files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-workers-order-'));
    dirs.push(dir);
    // a.yaml is large, so the workers answer for the small files after it first; it refers to elements
    // of later files, repeats an id of d.yaml, and d.yaml repeats its relations with other attributes.
    const many = Array.from(
      { length: 4000 },
      (_, i) => `  - {id: S${i}, kind: Service, name: s${i}, dependsOn: [B1]}`,
    );
    const files: Record<string, string> = {
      'tracery.yaml': 'name: order\n',
      'model/a.yaml': `elements:\n${many.join('\n')}\n  - {id: D1, kind: Service, name: first, dependsOn: [C1, Z9]}\n`,
      'model/b.yaml': 'elements:\n  - {id: B1, kind: Service, name: b, partOf: [C1]}\n',
      'model/c.yaml': 'elements:\n  - {id: C1, kind: Service, name: c, partOf: [B1]}\n',
      'model/d.yaml':
        'elements:\n  - {id: D1, kind: Service, name: again}\nrelations:\n  - {from: D1, type: dependsOn, to: C1, note: other}\n  - {from: S1, type: dependsOn, to: B1}\n',
    };
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    const { inWorkers, inProcess } = await bothWays(dir);
    expect(inWorkers).toStrictEqual(inProcess);
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(inProcess));
    const codes = inProcess.diagnostics.map((d) => `${d.source?.file} ${d.code}`);
    expect(codes).toEqual([
      'model/a.yaml dangling-reference',
      'model/b.yaml partof-cycle',
      'model/d.yaml duplicate-id',
      'model/d.yaml relation-conflict',
      'model/d.yaml duplicate-relation',
    ]);
  });

  test('a workers option that is not a count is refused at the door', async () => {
    await expect(loadRepository(MHHS, { workers: -2 })).rejects.toThrow(InvalidArgumentError);
  });
});
