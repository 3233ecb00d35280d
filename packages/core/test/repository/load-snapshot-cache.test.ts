import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedRepository, loadRepository } from '@tracery/core';
import type { SourceLoader } from '@tracery/core/advanced';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfig } from '../../src/repository/load-config.js';
import { loadRepositoryWithConfig } from '../../src/repository/load-repository.js';
import { fingerprintOfTool } from '../../src/repository/model-file-cache.js';
import { readSections, writeSections } from '../../src/repository/snapshot-sections.js';

// The whole-load cache (issue 17): an unchanged repository is answered from one snapshot of the
// last load (model, origins, diagnostics, files) instead of re-reading and re-checking every element.
// It must answer exactly what a load from the files answers, and never once anything it read changed.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function repository(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-snapshot-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries({ 'tracery.yaml': 'name: snap\n', ...files })) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

function located(loaded: LoadedRepository) {
  const { model } = loaded;
  return {
    diagnostics: loaded.diagnostics,
    files: loaded.files,
    elements: [...model.elements()].map((e) => [e, model.originOfElement(e.id)]),
    relations: [...model.relations()].map((r) => [r, model.originOfRelation(r)]),
    // Keys in the order the files gave them (JSON output shows it; toEqual alone does not check it).
    json: JSON.stringify([[...model.elements()], [...model.relations()], loaded.diagnostics]),
    byKind: [...model.metamodel.kinds.keys()].map((kind) => [kind, [...model.idsOfKind(kind)]]),
  };
}

const folder = (dir: string) => join(dir, '.tracery', 'cache', fingerprintOfTool());
const snapshots = async (dir: string) =>
  (await readdir(folder(dir)).catch(() => [] as string[])).filter((f) =>
    /^model-[0-9a-f]+\.snapshot$/.test(f),
  );

/**
 * The inode of the one snapshot: a load that missed writes a new snapshot to a temporary file and
 * renames it over the old one, so an unchanged inode shows that a load was answered from it.
 */
async function snapshotInode(dir: string): Promise<bigint> {
  const names = await snapshots(dir);
  expect(names).toHaveLength(1);
  return (await stat(join(folder(dir), names[0]!), { bigint: true })).ino;
}

const A =
  'elements:\n  - {id: A, kind: Service, name: first, dependsOn: [B]}\n  - {id: B, kind: Service, name: b}\n';

/**
 * A repository of A loaded with the cache, then its snapshot rewritten whole (the checksum holds) with
 * integer `at` of section `section` set to `value`: what a load answered, and the snapshot as written.
 */
async function withIntegerChanged(section: number, at: number, value: number) {
  const dir = await repository({ 'model/a.yaml': A });
  const plain = located(await loadRepository(dir, { cache: true }));
  const [name] = await snapshots(dir);
  const path = join(folder(dir), name!);
  const bytes = await readFile(path);
  const format = bytes.readUInt32LE(16);
  const key = name!.replace(/^model-|\.snapshot$/g, '');
  const sections = readSections(bytes, format, key)!.map((section) => Uint8Array.from(section));
  new Int32Array(sections[section]!.buffer)[at] = value;
  await writeFile(path, writeSections(format, key, sections));
  return { dir, plain, path, bytes, format, key };
}

describe('the whole-load cache', () => {
  test('a generated repository answers the same from its snapshot, with warnings, origins and frozen data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-snapshot-gen-'));
    dirs.push(dir);
    await writeGeneratedRepository(dir, generateModel({ elements: 1500, seed: 9 }), 300);
    // A warning in the answer: the same relation written twice.
    await writeFile(
      join(dir, 'model', 'extra.yaml'),
      'elements:\n  - {id: SVC-9991, kind: Service, name: x, dependsOn: [SVC-9992, SVC-9992]}\n  - {id: SVC-9992, kind: Service, name: y}\n',
    );
    const plain = await loadRepository(dir);
    expect(plain.diagnostics.map((d) => d.code)).toContain('duplicate-relation');
    await loadRepository(dir, { cache: true });
    const written = await snapshotInode(dir);
    const warm = await loadRepository(dir, { cache: true });
    // Answered from the snapshot, not rebuilt from the files (which would give the same answer too).
    expect(await snapshotInode(dir)).toBe(written);
    expect(located(warm)).toEqual(located(plain));
    const element = warm.model.getElement('SVC-9991');
    expect(Object.isFrozen(element) && Object.isFrozen(element.attributes)).toBe(true);
    expect(Object.isFrozen([...warm.model.relations()][0])).toBe(true);
    // The restored model is a working model: it changes like any other.
    warm.model.removeElement('SVC-9992');
    expect(warm.model.hasRelation({ source: 'SVC-9991', type: 'dependsOn', target: 'SVC-9992' })).toBe(false);
  });

  test('the warm load reads the snapshot: a planted snapshot is what it answers', async () => {
    const dir = await repository({ 'model/a.yaml': A });
    await loadRepository(dir, { cache: true });
    const other = await repository({ 'model/a.yaml': A.replace('first', 'other') });
    await loadRepository(other, { cache: true });
    const [mine] = await snapshots(dir);
    const [theirs] = await snapshots(other);
    const key = (name: string) => name.replace(/^model-|\.snapshot$/g, '');
    const planted = (await readFile(join(folder(other), theirs!))).toString('latin1');
    await writeFile(
      join(folder(dir), mine!),
      Buffer.from(planted.replace(key(theirs!), key(mine!)), 'latin1'),
    );
    expect((await loadRepository(dir, { cache: true })).model.findElement('A')?.name).toBe('other');
  });

  test.each([
    ['a model file changes', 'model/a.yaml', A.replace('first', 'changed')],
    ['a model file is added', 'model/c.yaml', 'elements:\n  - {id: C, kind: Service, name: c}\n'],
    ['tracery.yaml changes only in a comment', 'tracery.yaml', '# a comment\nname: snap\n'],
    ['tracery.yaml gains an unknown key', 'tracery.yaml', 'name: snap\ncolour: red\n'],
  ])('never answers from the snapshot once %s', async (_, path, text) => {
    const dir = await repository({ 'model/a.yaml': A });
    await loadRepository(dir, { cache: true });
    const written = await snapshotInode(dir);
    await writeFile(join(dir, path), text);
    const warm = await loadRepository(dir, { cache: true });
    expect(located(warm)).toEqual(located(await loadRepository(dir)));
    // A load without errors replaces the old snapshot (a new file renamed into place), never keeps
    // it beside; one with errors (the unknown key) writes none, and the old one stays unread.
    const hasErrors = warm.diagnostics.some((d) => d.severity === 'error');
    expect(hasErrors).toBe(path === 'tracery.yaml' && text.includes('colour'));
    if (hasErrors) expect(await snapshotInode(dir)).toBe(written);
    else expect(await snapshotInode(dir)).not.toBe(written);
  });

  test('a deleted model file is not answered from the snapshot', async () => {
    const dir = await repository({
      'model/a.yaml': A,
      'model/c.yaml': 'elements:\n  - {id: C, kind: Service, name: c}\n',
    });
    await loadRepository(dir, { cache: true });
    await rm(join(dir, 'model', 'c.yaml'));
    const warm = await loadRepository(dir, { cache: true });
    expect(warm.model.hasElement('C')).toBe(false);
    expect(warm.files).toEqual(['model/a.yaml', 'tracery.yaml']);
  });

  test('a corrupt or truncated snapshot is rebuilt and the answer is unchanged', async () => {
    const dir = await repository({ 'model/a.yaml': A });
    const plain = located(await loadRepository(dir, { cache: true }));
    const [name] = await snapshots(dir);
    const bytes = await readFile(join(folder(dir), name!));
    const flipped = Buffer.from(bytes);
    flipped[flipped.length >> 1]! ^= 0x01; // one bit in the middle: a string or an index
    const otherFormat = Buffer.from(bytes);
    otherFormat[16]! ^= 0x7f; // the format number
    for (const broken of [
      Buffer.from('not a snapshot'),
      bytes.subarray(0, bytes.length >> 1),
      bytes.subarray(0, bytes.length - 1),
      flipped,
      otherFormat,
    ]) {
      await writeFile(join(folder(dir), name!), broken);
      expect(located(await loadRepository(dir, { cache: true }))).toEqual(plain);
      expect((await readFile(join(folder(dir), name!))).equals(bytes)).toBe(true);
    }
  });

  test('a snapshot whose element records point outside the strings is rebuilt when read, not when an element is first read', async () => {
    // The first element's name (after its shape, id and kind), pointed past the strings; written whole.
    const { dir, plain, path, bytes } = await withIntegerChanged(4, 3, 1_000_000);
    expect(located(await loadRepository(dir, { cache: true }))).toEqual(plain);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  test('a snapshot whose checksum holds but whose tables do not agree is rebuilt, not misread', async () => {
    // The relation A -dependsOn-> B, its target index pointed past the elements; written whole.
    const { dir, plain, path, bytes, format, key } = await withIntegerChanged(5, 1, 1_000_000);
    expect(readSections(await readFile(path), format, key)).toBeDefined();
    expect(located(await loadRepository(dir, { cache: true }))).toEqual(plain);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  test("a loader's files are part of the key; a loader that cannot say what it reads turns the snapshot off", async () => {
    const dir = await repository({ 'model/a.yaml': A, 'extra/name.txt': 'from the loader' });
    const reads: string[] = [];
    const loader = (declared: boolean): SourceLoader => ({
      name: 'text',
      load: async ({ root }) => {
        const name = await readFile(join(root, 'extra', 'name.txt'), 'utf8');
        reads.push(name);
        return {
          elements: [
            {
              element: { id: 'T', kind: 'Service', name, attributes: {} },
              origin: { file: 'extra/name.txt', line: 1, column: 1 },
            },
          ],
          relations: [],
          diagnostics: [],
          files: ['extra/name.txt'],
        };
      },
      ...(declared
        ? { inputs: async ({ root }) => ({ files: [join(root, 'extra', 'name.txt')], version: '1' }) }
        : {}),
    });
    await loadRepository(dir, { cache: true, loaders: [loader(true)] });
    expect(
      (await loadRepository(dir, { cache: true, loaders: [loader(true)] })).model.getElement('T').name,
    ).toBe('from the loader');
    expect(reads).toHaveLength(1); // the second load was answered whole
    await writeFile(join(dir, 'extra', 'name.txt'), 'changed');
    const changed = await loadRepository(dir, { cache: true, loaders: [loader(true)] });
    expect(changed.model.getElement('T').name).toBe('changed');
    await rm(folder(dir), { recursive: true });
    await loadRepository(dir, { cache: true, loaders: [loader(false)] });
    expect(await snapshots(dir)).toEqual([]);
  });

  test('a loader idle under the config adds nothing to the key: loads with it and without share one snapshot', async () => {
    // The CLI always brings the BPMN loader, a script only when tracery.yaml names diagrams: on a
    // repository without diagrams both must find the same snapshot, or each load deletes the other's.
    const dir = await repository({ 'model/a.yaml': A });
    let loads = 0;
    const idle: SourceLoader = {
      name: 'idle',
      load: async () => {
        loads++;
        return { elements: [], relations: [], diagnostics: [], files: [] };
      },
      inputs: async () => ({ files: [], version: '1', idle: true }),
    };
    const plain = located(await loadRepository(dir));
    await loadRepository(dir, { cache: true });
    const written = await snapshotInode(dir);
    for (const loaders of [[idle], [], [idle], [idle, idle], []]) {
      expect(located(await loadRepository(dir, { cache: true, loaders }))).toEqual(plain);
      expect(await snapshotInode(dir)).toBe(written);
    }
    expect(loads).toBe(0); // every load after the first was answered whole, the idle loader never ran
  });

  test('a loader that said it was idle but added something writes no snapshot', async () => {
    const dir = await repository({ 'model/a.yaml': A });
    const liar: SourceLoader = {
      name: 'liar',
      load: async () => ({
        elements: [
          {
            element: { id: 'T', kind: 'Service', name: 't', attributes: {} },
            origin: { file: 'extra/t.txt', line: 1, column: 1 },
          },
        ],
        relations: [],
        diagnostics: [],
        files: [],
      }),
      inputs: async () => ({ files: [], version: '1', idle: true }),
    };
    expect((await loadRepository(dir, { cache: true, loaders: [liar] })).model.hasElement('T')).toBe(true);
    expect(await snapshots(dir)).toEqual([]);
    // Its snapshot would have been found by a load without it, which must not see T.
    expect((await loadRepository(dir, { cache: true })).model.hasElement('T')).toBe(false);
  });

  test('a load with errors writes no snapshot', async () => {
    const dir = await repository({ 'model/a.yaml': 'elements:\n  - {id: A, kind: Servise, name: a}\n' });
    await loadRepository(dir, { cache: true });
    expect(await readdir(dir)).toEqual(['model', 'tracery.yaml']);
  });

  test('the snapshot is keyed by the very bytes of tracery.yaml the load ran under, not a later read', async () => {
    // The config is read (as openRepository reads it, to choose the plugins), then tracery.yaml gains
    // a comment line that moves its error from line 2 to 3, then the load runs under what was read.
    const dir = await repository({ 'tracery.yaml': 'name: snap\ncolour: red\n', 'model/a.yaml': A });
    const read = await readConfig(dir);
    await writeFile(join(dir, 'tracery.yaml'), '# moved down\nname: snap\ncolour: red\n');
    const ran = await loadRepositoryWithConfig(dir, read, { cache: 'also-with-errors' });
    expect(ran.diagnostics.find((d) => d.code === 'invalid-config')?.source?.line).toBe(2);
    // A load of the file as it is now must not be answered by the snapshot of the old bytes.
    const now = await loadRepository(dir, { cache: 'also-with-errors' });
    expect(now.diagnostics.find((d) => d.code === 'invalid-config')?.source?.line).toBe(3);
    expect(located(now)).toEqual(located(await loadRepository(dir)));
  });
});
