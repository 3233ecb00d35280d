import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '@tracery/core/advanced';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracery-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const leftovers = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  test('replaces a file with the new text and leaves nothing beside it', async () => {
    const path = join(folder, 'report.md');
    await writeFile(path, 'old\n');
    await writeFileAtomic(path, '# Report\n');
    expect(await readFile(path, 'utf8')).toBe('# Report\n');
    expect(await readdir(folder)).toEqual(['report.md']);
  });

  test('creates missing folders and writes bytes', async () => {
    const path = join(folder, 'a', 'b', 'data.bin');
    await writeFileAtomic(path, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(path))]).toEqual([0, 255, 10]);
  });

  test('writes texts given in order (sync and async iterables) as one file, across chunk boundaries', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `IF-${i},-${i}.5\n`);
    await writeFileAtomic(join(folder, 'sync.csv'), lines);
    async function* later() {
      for (const line of lines) yield line;
    }
    await writeFileAtomic(join(folder, 'async.csv'), later());
    const expected = lines.join('');
    expect(expected.length).toBeGreaterThan(3 * 65_536);
    expect(await readFile(join(folder, 'sync.csv'), 'utf8')).toBe(expected);
    expect(await readFile(join(folder, 'async.csv'), 'utf8')).toBe(expected);
  });

  test('a failure while writing leaves the old file as it was and no temporary file', async () => {
    const path = join(folder, 'nodes.csv');
    await writeFile(path, 'old\n');
    function* failing() {
      yield 'id\n';
      yield 'x'.repeat(100_000); // past one chunk: part of it is on disk when the failure comes
      throw new Error('the model changed while it was written');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('the model changed');
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await leftovers(folder)).toEqual([]);
  });

  test('a rename that fails (the target is a folder) throws and leaves no temporary file', async () => {
    const path = join(folder, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'x');
    await expect(writeFileAtomic(path, 'text')).rejects.toMatchObject({ code: expect.any(String) });
    expect(await leftovers(folder)).toEqual([]);
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('x');
  });

  test('exclusive never replaces an existing file, and leaves no temporary file when it refuses', async () => {
    const path = join(folder, 'T1.json');
    await writeFileAtomic(path, 'first', { exclusive: true });
    await expect(writeFileAtomic(path, 'second', { exclusive: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await readdir(folder)).toEqual(['T1.json']);
  });
});
