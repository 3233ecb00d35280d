import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedRepository, type LoadOptions, loadRepository } from '@tracery/core';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { idRule } from '../../src/repository/id-safety.js';
import { loadConfig } from '../../src/repository/load-config.js';
import { fingerprintOfTool } from '../../src/repository/model-file-cache.js';
import { readScanned } from '../../src/repository/read-model-text.js';
import { modelText } from './yaml-arbitraries.js';

// The cache of parsed model files (issue 17): a load from the cache gives exactly what a load from
// the files gives (the same property as the one-meaning test, on the cached path), it is never read
// by another tool version or under another config, and a corrupt entry is rebuilt. Only files the
// parsers read get an entry: a file the scanner reads (the form Tracery writes) is read again as fast.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function repository(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-cache-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries({ 'tracery.yaml': 'name: cached\n', ...files })) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Everything a load answers: the model with every origin, the diagnostics and the files. */
function located(loaded: LoadedRepository) {
  const { model } = loaded;
  return {
    diagnostics: loaded.diagnostics,
    files: loaded.files,
    elements: [...model.elements()].map((e) => [e, model.originOfElement(e.id)]),
    relations: [...model.relations()].map((r) => [r, model.originOfRelation(r)]),
    // Keys in the order the files gave them (JSON output shows it; toEqual alone does not check it).
    json: JSON.stringify([[...model.elements()], [...model.relations()], loaded.diagnostics]),
  };
}

const cacheFolder = (dir: string) => join(dir, '.tracery', 'cache', fingerprintOfTool());
const entries = async (dir: string) =>
  (await readdir(cacheFolder(dir))).filter((f) => f.endsWith('.v8') && !f.startsWith('model-'));
/** Deletes the whole-load snapshot, so that the next load reads the per-file entries. */
const dropSnapshots = async (dir: string) => {
  for (const name of await readdir(cacheFolder(dir)))
    if (name.startsWith('model-')) await rm(join(cacheFolder(dir), name));
};

/** True when the fast load reads this model file with the scanner (so it gets no per-file entry). */
async function scannerReads(dir: string, file: string, text: string): Promise<boolean> {
  const { config, metamodel, tolerated } = await loadConfig(dir);
  const schemas = { kinds: new Map(), tolerated, ids: idRule(config.ids) };
  return readScanned(file, text, { limits: config.limits, metamodel, schemas, fast: true }) !== undefined;
}

async function threeWays(dir: string, options: LoadOptions = {}) {
  const plain = located(await loadRepository(dir, { ...options, cache: false }));
  const cold = located(await loadRepository(dir, { cache: true, ...options }));
  const warm = located(await loadRepository(dir, { cache: true, ...options }));
  return { plain, cold, warm };
}

describe('the model-file cache', () => {
  test('a load from the cache equals a load from the files, on generated model files (both parsers)', async () => {
    await fc.assert(
      fc.asyncProperty(modelText, fc.boolean(), async (text, fast) => {
        const dir = await repository({ 'model/x.yaml': text });
        const { plain, cold, warm } = await threeWays(dir, { fastParser: fast, cache: 'also-with-errors' });
        expect(cold).toEqual(plain);
        expect(warm).toEqual(plain); // answered by the whole-load snapshot
        expect((await readdir(cacheFolder(dir))).filter((f) => f.startsWith('model-'))).toHaveLength(1);
        const scanned = fast && (await scannerReads(dir, 'model/x.yaml', text));
        expect(await entries(dir)).toHaveLength(scanned ? 0 : 1);
        await dropSnapshots(dir);
        const fromEntries = located(await loadRepository(dir, { fastParser: fast, cache: true }));
        expect(fromEntries).toEqual(plain); // answered by the per-file entry, or read again
      }),
      { numRuns: 40 },
    );
  });

  test('a file in the form Tracery writes gets no entry, a hand-written one does; both load the same', async () => {
    const canonical = 'elements:\n  - id: A\n    kind: Service\n    name: first\n';
    const handWritten = 'elements:\n  - {id: B, kind: Service, name: second}  # flow style\n';
    const dir = await repository({ 'model/a.yaml': canonical, 'model/b.yaml': handWritten });
    expect(await scannerReads(dir, 'model/a.yaml', canonical)).toBe(true);
    expect(await scannerReads(dir, 'model/b.yaml', handWritten)).toBe(false);
    const { plain, cold, warm } = await threeWays(dir);
    expect(plain.elements.map(([e]) => (e as { id: string }).id)).toEqual(['A', 'B']);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(await entries(dir)).toHaveLength(1); // b.yaml's, and only b.yaml's
    await dropSnapshots(dir);
    expect(located(await loadRepository(dir, { cache: true }))).toEqual(plain);
  });

  test('a generated repository loads the same from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-cache-gen-'));
    dirs.push(dir);
    await writeGeneratedRepository(dir, generateModel({ elements: 800, seed: 5 }), 200);
    const { plain, cold, warm } = await threeWays(dir);
    expect(plain.elements.length).toBeGreaterThan(700);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    // Tracery's own form: the scanner reads every file, so none is kept per file, in workers or not.
    expect(await entries(dir)).toHaveLength(0);
    await rm(join(dir, '.tracery'), { recursive: true });
    expect(located(await loadRepository(dir, { cache: true, workers: 2 }))).toEqual(plain);
    expect(await entries(dir)).toHaveLength(0);
  });

  test('a warm load reads the cache, not the parser: a planted entry is what it answers', async () => {
    const dir = await repository({ 'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: first}\n' });
    await loadRepository(dir, { cache: true });
    const [entry] = await entries(dir);
    // Swap in the entry of another text under the same key: only a load that reads the cache sees it.
    const other = await repository({
      'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: other}\n',
    });
    await loadRepository(other, { cache: true });
    const [otherEntry] = await entries(other);
    const planted = (await readFile(join(cacheFolder(other), otherEntry!))).toString('latin1');
    const keyOf = (name: string) => name.replace(/\.v8$/, '');
    await writeFile(
      join(cacheFolder(dir), entry!),
      Buffer.from(planted.replace(keyOf(otherEntry!), keyOf(entry!)), 'latin1'),
    );
    await dropSnapshots(dir);
    const warm = await loadRepository(dir, { cache: true });
    expect(warm.model.findElement('A')?.name).toBe('other');
  });

  test('a corrupt or truncated entry is rebuilt, and the load is unchanged', async () => {
    const dir = await repository({
      'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: a}\n',
      'model/b.yaml': 'elements:\n  - {id: B, kind: Service, name: b, dependsOn: A}\n',
    });
    const plain = located(await loadRepository(dir, { cache: true }));
    const [first, second] = await entries(dir);
    await writeFile(join(cacheFolder(dir), first!), 'not a cache entry');
    const bytes = await readFile(join(cacheFolder(dir), second!));
    await writeFile(join(cacheFolder(dir), second!), bytes.subarray(0, bytes.length >> 1));
    await dropSnapshots(dir);
    expect(located(await loadRepository(dir, { cache: true }))).toEqual(plain);
    // Rebuilt: the entries read back whole again.
    expect((await readFile(join(cacheFolder(dir), second!))).length).toBe(bytes.length);
  });

  test('another tool version never reads the cache: its folder is deleted; git ignores the cache', async () => {
    const dir = await repository({ 'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: a}\n' });
    await mkdir(join(dir, '.tracery', 'cache', 'an-older-version'), { recursive: true });
    await loadRepository(dir, { cache: true });
    expect(await readdir(join(dir, '.tracery', 'cache'))).toEqual(['.gitignore', fingerprintOfTool()]);
    expect(await readFile(join(dir, '.tracery', 'cache', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  test('a change to the config is a change to every entry (the metamodel reads the files)', async () => {
    const dir = await repository({
      'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: a, colour: red}\n',
    });
    const before = await loadRepository(dir, { cache: true });
    expect(before.diagnostics.map((d) => d.code)).toEqual(['unknown-field']);
    await writeFile(
      join(dir, 'tracery.yaml'),
      'name: cached\nmetamodel:\n  attributes:\n    Service:\n      colour: { type: string }\n',
    );
    const after = await loadRepository(dir, { cache: true });
    expect(after.diagnostics).toEqual([]);
    expect(after.model.findElement('A')?.attributes.colour).toBe('red');
  });

  test('a load with errors writes nothing into the repository, not even the cache', async () => {
    const dir = await repository({
      'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: a}\n',
      'model/b.yaml': 'elements:\n  - {id: B, kind: Servise, name: b}\n',
    });
    const loaded = await loadRepository(dir, { cache: true });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['unknown-kind']);
    expect(await readdir(dir)).toEqual(['model', 'tracery.yaml']);
  });

  test('a repository that cannot be written loads without a cache', async () => {
    const dir = await repository({ 'model/a.yaml': 'elements:\n  - {id: A, kind: Service, name: a}\n' });
    await writeFile(join(dir, '.tracery'), 'a file where the cache folder would go');
    const loaded = await loadRepository(dir, { cache: true });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.model.elementCount).toBe(1);
  });
});
