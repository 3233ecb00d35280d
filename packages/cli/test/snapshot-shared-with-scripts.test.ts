import { cp, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import type { CliIo } from '@tracery/cli';
import { type LoadedRepository, loadRepository, openRepository } from '@tracery/core';
import { afterAll, describe, expect, test } from 'vitest';
import { tryLoadForCli } from '../src/load-for-cli.js';
import { runCaptured } from './run-cli.js';

// The whole-load snapshot (one per repository: writing one deletes the others) is shared by the CLI and
// a user's script. The CLI always brings the BPMN loader; openRepository and loadRepository pass it only
// when tracery.yaml has sources.bpmn. On a repository without diagrams the loader has nothing to do,
// so both must find the same snapshot (before, each load deleted the other's and every other run was
// cold); where the loader changes the answer, the keys must still differ.

const BPMN_FIXTURE = join(import.meta.dirname, '..', '..', 'bpmn', 'test', 'fixtures', 'repository');
const DIAGRAM_ELEMENT = 'BP004.Start'; // a start event that only the fixture's diagram holds

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function temporary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-shared-snapshot-'));
  temps.push(dir);
  return dir;
}

const quiet: CliIo = { out: () => {}, err: () => {}, fancy: false };

/** What a load answered, origins included. */
function answer(loaded: Pick<LoadedRepository, 'model' | 'diagnostics' | 'files'>) {
  const { model } = loaded;
  return {
    diagnostics: loaded.diagnostics,
    files: loaded.files,
    elements: [...model.elements()].map((e) => [e, model.originOfElement(e.id)]),
    relations: [...model.relations()].map((r) => [r, model.originOfRelation(r)]),
  };
}

/** The CLI's load (as every command that reads a repository does), with its default cache. */
async function cliLoad(dir: string) {
  const loaded = await tryLoadForCli(dir, quiet);
  if (!('model' in loaded)) throw new Error(loaded.problem);
  return answer(loaded);
}

/**
 * The inode of the repository's one snapshot: a load that misses writes a new snapshot and renames it
 * into place, so an unchanged inode shows that the load in between was answered from it.
 */
async function snapshotInode(dir: string): Promise<bigint> {
  const base = join(dir, '.tracery', 'cache');
  const versions = (await readdir(base)).filter((name) => name !== '.gitignore');
  const found: string[] = [];
  for (const version of versions)
    for (const name of await readdir(join(base, version)))
      if (/^model-[0-9a-f]+\.snapshot$/.test(name)) found.push(join(base, version, name));
  expect(found).toHaveLength(1);
  return (await stat(found[0]!, { bigint: true })).ino;
}

describe('the CLI and a script share the whole-load snapshot', () => {
  test('on a repository made by tracery init, loads through either front door in turn are all answered from one snapshot', async () => {
    const dir = await temporary();
    expect((await runCaptured(['init', dir])).code).toBe(0);
    const fromFiles = answer(await loadRepository(dir));
    expect(fromFiles.elements.length).toBeGreaterThan(5); // init's example: one element of each kind
    const cold = await runCaptured(['validate', dir, '--json']);
    expect(cold.code).toBe(0);
    const written = await snapshotInode(dir);
    const loads: [string, () => Promise<unknown>][] = [
      ['openRepository', async () => answer(await openRepository(dir, { cache: true }))],
      ['the CLI', () => cliLoad(dir)],
      ['loadRepository', async () => answer(await loadRepository(dir, { cache: true }))],
      ['tracery validate', () => runCaptured(['validate', dir, '--json'])],
      ['openRepository again', async () => answer(await openRepository(dir, { cache: true }))],
      ['the CLI again', () => cliLoad(dir)],
    ];
    for (const [front, load] of loads) {
      const result = await load();
      expect(result, front).toEqual(front === 'tracery validate' ? cold : fromFiles);
      expect(await snapshotInode(dir), `${front} was answered from the snapshot`).toBe(written);
    }
  });

  test('with diagrams in sources.bpmn, a load without the BPMN loader is never answered from the CLI snapshot', async () => {
    const dir = await temporary();
    await cp(BPMN_FIXTURE, dir, { recursive: true });
    const withDiagrams = answer(await loadRepository(dir, { loaders: [bpmnSourceLoader()] }));
    const withoutDiagrams = answer(await loadRepository(dir));
    expect(withDiagrams.elements.map(([e]) => e)).toContainEqual(
      expect.objectContaining({ id: DIAGRAM_ELEMENT }),
    );
    expect(withoutDiagrams).not.toEqual(withDiagrams);
    expect(await cliLoad(dir)).toEqual(withDiagrams);
    const written = await snapshotInode(dir);
    expect(answer(await loadRepository(dir, { cache: true }))).toEqual(withoutDiagrams);
    expect(await snapshotInode(dir)).not.toBe(written);
    expect(await cliLoad(dir)).toEqual(withDiagrams);
  });

  test('sources.bpmn matching nothing shares the snapshot, and a diagram added later is read, not answered from it', async () => {
    const dir = await temporary();
    await cp(BPMN_FIXTURE, dir, { recursive: true });
    await rename(join(dir, 'bpmn'), join(dir, 'later'));
    const fromFiles = answer(await loadRepository(dir));
    expect(await cliLoad(dir)).toEqual(fromFiles);
    const written = await snapshotInode(dir);
    expect(answer(await loadRepository(dir, { cache: true }))).toEqual(fromFiles);
    expect(await snapshotInode(dir)).toBe(written);
    await rename(join(dir, 'later'), join(dir, 'bpmn'));
    const withDiagram = await cliLoad(dir);
    expect(withDiagram).toEqual(answer(await loadRepository(dir, { loaders: [bpmnSourceLoader()] })));
    expect(withDiagram.elements.map(([e]) => e)).toContainEqual(
      expect.objectContaining({ id: DIAGRAM_ELEMENT }),
    );
  });
});
