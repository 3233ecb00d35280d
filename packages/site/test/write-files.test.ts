import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeFiles } from '../src/build/write-files.js';

test('many files into one new folder, written at once, all arrive (no write races the folder being made)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'tracery-write-files-'));
  const files = Array.from({ length: 40 }, (_, i) => [`v/page-${i}.html`, () => `page ${i}`] as const);
  const tally = { files: 0, bytes: 0 };
  await writeFiles(root, files, tally);
  expect((await readdir(join(root, 'v'))).length).toBe(40);
  expect(tally.files).toBe(40);
});
