import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRepository } from '@tracery/core';
import { canonicalModel } from '@tracery/core/advanced';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRepositoryAtRevision, loadState } from '../../src/baseline/load-state.js';
import { byKey } from '../../src/baseline/snapshot.js';
import { tempGitRepository } from '../history/git-repository.js';

let root: string;
let commit: Awaited<ReturnType<typeof tempGitRepository>>['commit'];

/** The snapshots in the repository's cache, by slot (`model`, `revision`). */
async function snapshots(): Promise<string[]> {
  const base = join(root, '.tracery', 'cache');
  const versions = await readdir(base).catch(() => [] as string[]);
  const names: string[] = [];
  for (const version of versions.filter((v) => !v.startsWith('.')))
    for (const name of await readdir(join(base, version)).catch(() => [] as string[]))
      if (name.endsWith('.snapshot')) names.push(join(base, version, name));
  return names.sort();
}
const slotOf = (path: string) => path.split('/').pop()!.split('-')[0];

/** What a load answers, as plain data: model, diagnostics and files. */
const answer = (loaded: Awaited<ReturnType<typeof loadRepository>>) => ({
  model: canonicalModel(loaded.model),
  diagnostics: loaded.diagnostics,
  files: loaded.files,
});

beforeAll(async () => {
  ({ root, commit } = await tempGitRepository());
  await writeGeneratedRepository(root, generateModel({ elements: 300, seed: 3 }));
  await commit('first', { '.gitignore': '.tracery/\n' }, '2026-01-01T10:00:00Z');
  const edited = generateModel({ elements: 300, seed: 3 });
  const id = [...edited.elementIds()].sort()[7]!;
  edited.putElement({ ...edited.getElement(id), name: 'renamed in the working tree' });
  await writeGeneratedRepository(root, edited);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a git revision is loaded through the repository cache, in a slot of its own', () => {
  test('the same answer as without the cache, first from the files, then from its snapshot', async () => {
    const plain = answer(await loadRepositoryAtRevision(root, 'HEAD'));
    expect(await snapshots()).toEqual([]);
    const first = answer(await loadRepositoryAtRevision(root, 'HEAD', { cache: true }));
    expect(first).toEqual(plain);
    expect((await snapshots()).map(slotOf)).toEqual(['revision']);
    expect(answer(await loadRepositoryAtRevision(root, 'HEAD', { cache: true }))).toEqual(plain);
    // The working tree differs from HEAD: its own snapshot, beside the revision's, neither evicted.
    const working = answer(await loadRepository(root, { cache: true }));
    expect(working.model).not.toEqual(plain.model);
    await loadRepositoryAtRevision(root, 'HEAD', { cache: true });
    expect((await snapshots()).map(slotOf)).toEqual(['model', 'revision']);
  });

  test('a corrupt revision snapshot is a miss: the files are read again, and it is rewritten', async () => {
    const plain = answer(await loadRepositoryAtRevision(root, 'HEAD'));
    await loadRepositoryAtRevision(root, 'HEAD', { cache: true });
    const [revision] = (await snapshots()).filter((p) => slotOf(p) === 'revision');
    const bytes = await readFile(revision!);
    const broken = Buffer.from(bytes);
    for (let i = Math.floor(broken.length / 2); i < broken.length / 2 + 64; i++)
      broken[i] = broken[i]! ^ 0xff;
    await writeFile(revision!, broken);
    expect(answer(await loadRepositoryAtRevision(root, 'HEAD', { cache: true }))).toEqual(plain);
    expect((await readFile(revision!)).equals(bytes)).toBe(true);
  });

  test("a revision whose files are the working tree's is answered from the working tree's snapshot", async () => {
    await rm(join(root, '.tracery'), { recursive: true, force: true });
    await commit('second', {}, '2026-01-02T10:00:00Z');
    const working = answer(await loadRepository(root, { cache: true }));
    expect((await snapshots()).map(slotOf)).toEqual(['model']);
    expect(answer(await loadRepositoryAtRevision(root, 'HEAD', { cache: true }))).toEqual(working);
    expect((await snapshots()).map(slotOf)).toEqual(['model']); // nothing parsed, nothing written
    const states = await Promise.all([
      loadState(root, 'git:HEAD', { cache: true }),
      loadState(root, 'working'),
    ]);
    expect([...states[0].snapshot.elements]).toEqual([...states[1].snapshot.elements]);
  });
});

describe('byKey', () => {
  test('sorts by key as a stable sort then a map would, keeping the last value of a repeated key', () => {
    const keys = ['b', 'a\u0000z', 'a', 'é', 'B', 'b', 'a\u0000a', 'Z', 'a'];
    const entries = keys.map((key, i): [string, number] => [key, i]);
    const expected = new Map([...entries].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    expect([...byKey([...entries])]).toEqual([...expected]);
    expect([
      ...byKey([
        ['a', 1],
        ['b', 2],
      ]),
    ]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});
