import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot, defaultMetamodel, Model, RepositoryError, type Snapshot } from '@tracery/core';
import { baselineJson, createBaseline, parseBaseline } from '@tracery/core/advanced';
import { generateModel } from '@tracery/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadState } from '../../src/baseline/load-state.js';
import { readBaselineFile, streamBaselineFile } from '../../src/baseline/read-baseline-file.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracery-read-baseline-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A snapshot as plain data with its order: two snapshots are the same when these are equal. */
const plain = (s: Snapshot) => ({ elements: [...s.elements], relations: [...s.relations] });

/** The error a read gives, or undefined. */
async function errorOf(read: () => Promise<unknown>): Promise<Error | undefined> {
  try {
    await read();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

let files = 0;
async function fileOf(text: string): Promise<string> {
  const file = join(root, `b${files++}.json`);
  await writeFile(file, text);
  return file;
}

describe('createBaseline writes the file a line at a time', () => {
  test('the same bytes as baselineJson of the snapshot, for generated models (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (elements, seed) => {
          const model = generateModel({ elements, seed });
          const dir = await mkdtemp(join(root, 'repo-'));
          const file = await createBaseline(dir, 'T1', model);
          const text = await readFile(join(dir, file), 'utf8');
          expect(text).toBe(baselineJson('T1', createSnapshot(model)));
        },
      ),
      { numRuns: 15 },
    );
  });

  test('an empty model gives empty lists, on one line each', async () => {
    const dir = await mkdtemp(join(root, 'empty-'));
    const model = new Model(defaultMetamodel());
    const file = await createBaseline(dir, 'E', model);
    const text = await readFile(join(dir, file), 'utf8');
    expect(text).toBe(baselineJson('E', createSnapshot(model)));
    expect(text).toContain('"elements": [],\n  "relations": []\n}\n');
  });
});

describe('readBaselineFile gives what parseBaseline gives for the whole text', () => {
  test('the same snapshot, in the same order, for generated models (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (elements, seed) => {
          const text = baselineJson('T1', createSnapshot(generateModel({ elements, seed })));
          const file = await fileOf(text);
          const whole = plain(parseBaseline(text, file));
          // Read a line at a time (not whole), and the same.
          const streamed = await streamBaselineFile(file);
          expect(streamed && plain(streamed)).toEqual(whole);
          expect(plain(await readBaselineFile(file))).toEqual(whole);
        },
      ),
      { numRuns: 15 },
    );
  });

  const model = generateModel({ elements: 40, seed: 5 });
  const text = baselineJson('T1', createSnapshot(model));
  const written = JSON.parse(text) as {
    hashScheme?: number;
    elements: { hash: string; element: Record<string, unknown> }[];
  };
  const expected = plain(parseBaseline(text, 'x.json'));

  // Files in another layout (reformatted, written before the scheme was recorded, Windows line
  // ends, no final line end, empty) are read whole: the same snapshot.
  test.each([
    ['reformatted', JSON.stringify(written, null, 2)],
    ['on one line', JSON.stringify(written)],
    ['without hashScheme', text.replace('  "hashScheme": 1,\n', '')],
    ['with CRLF line ends', text.replaceAll('\n', '\r\n')],
    ['without the last line end', text.slice(0, -1)],
  ])('a file %s reads the same', async (_name, other) => {
    expect(other).not.toBe(text);
    const file = await fileOf(other);
    expect(await streamBaselineFile(file)).toBeUndefined();
    expect(plain(await readBaselineFile(file))).toEqual(expected);
  });

  test('an empty baseline reads as an empty snapshot', async () => {
    const empty = baselineJson('E', createSnapshot(new Model(defaultMetamodel())));
    const read = await streamBaselineFile(await fileOf(empty));
    expect(read?.elements.size).toBe(0);
    expect(read?.relations.size).toBe(0);
  });

  const first = written.elements[0]!;
  // Each broken file gives the error parseBaseline gives for it (its message names the problem).
  test.each([
    [
      'an element edited by hand',
      text.replace(`"name":${JSON.stringify(first.element.name)}`, '"name":"edited"'),
    ],
    ['an entry missing its hash', text.replace(`{"hash":"${first.hash}",`, '{')],
    ['an element without a kind', text.replace(`"kind":${JSON.stringify(first.element.kind)},`, '')],
    ['cut short', text.slice(0, Math.floor(text.length / 2))],
    ['a scheme this version cannot check', text.replace('"hashScheme": 1', '"hashScheme": 99')],
    ['another format', text.replace('tracery-baseline/1', 'tracery-baseline/9')],
    ['an unknown key', text.replace('  "name": "T1",\n', '  "name": "T1",\n  "extra": 1,\n')],
  ])('a file with %s is refused as parseBaseline refuses it', async (_name, broken) => {
    expect(broken).not.toBe(text);
    const file = await fileOf(broken);
    const whole = await errorOf(async () => parseBaseline(broken, file));
    expect(whole).toBeInstanceOf(RepositoryError);
    const streamed = await errorOf(() => readBaselineFile(file));
    expect(streamed).toBeInstanceOf(RepositoryError);
    expect(streamed?.message).toBe(whole?.message);
  });

  test('a missing baseline, or a folder in its place, is "no baseline" naming the ones there are', async () => {
    const dir = await mkdtemp(join(root, 'repo-'));
    await createBaseline(dir, 'T1', model);
    await mkdir(join(dir, 'baselines', 'T2.json'));
    await expect(loadState(dir, 'T3')).rejects.toThrow(/no baseline "T3" .*the baselines are T1, T2/);
    await expect(loadState(dir, 'T2')).rejects.toThrow(/no baseline "T2"/);
    expect(plain((await loadState(dir, 'T1')).snapshot)).toEqual(expected);
  });
});
