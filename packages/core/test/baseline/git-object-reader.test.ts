import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitObjectReader } from '../../src/baseline/git-object-reader.js';
import { RepositoryError } from '../../src/index.js';
import { tempGitRepository } from '../history/git-repository.js';

let root: string;
const blobs: Record<string, string> = {};
// Bytes that are not UTF-8, a file far larger than one pipe read (64 KiB), an empty file, newlines.
const FILES: Record<string, Buffer> = {
  'latin1.yaml': Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]),
  'large.yaml': Buffer.from(`${'x: 1\n'.repeat(100_000)}`),
  'empty.yaml': Buffer.alloc(0),
  'lines.yaml': Buffer.from('a\n\nb\n'),
};
beforeAll(async () => {
  root = (await tempGitRepository()).root;
  for (const [path, bytes] of Object.entries(FILES)) {
    await writeFile(join(root, path), bytes);
    blobs[path] = (
      await promisify(execFile)('git', ['hash-object', '-w', path], { cwd: root })
    ).stdout.trim();
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('GitObjectReader: one git cat-file --batch for many reads', () => {
  test('it gives each object its exact bytes, in the order asked, from one process', async () => {
    const reader = new GitObjectReader(root);
    try {
      const paths = [...Object.keys(FILES), ...Object.keys(FILES)];
      const read = await Promise.all(paths.map((path) => reader.read(blobs[path]!)));
      for (const [i, bytes] of read.entries()) expect(bytes.equals(FILES[paths[i]!]!), paths[i]).toBe(true);
    } finally {
      await reader.close();
    }
  });

  test('an object git does not have, or a name that is not an object id, is a RepositoryError; reading goes on', async () => {
    const reader = new GitObjectReader(root);
    try {
      await expect(reader.read('0'.repeat(40))).rejects.toThrow(RepositoryError);
      await expect(reader.read('HEAD:latin1.yaml')).rejects.toThrow(/not a full git object id/);
      expect((await reader.read(blobs['lines.yaml']!)).toString('utf8')).toBe('a\n\nb\n');
    } finally {
      await reader.close();
    }
  });

  test("a folder that is not a git repository fails every read with git's message", async () => {
    const reader = new GitObjectReader('/');
    await expect(reader.read(blobs['lines.yaml']!)).rejects.toThrow(RepositoryError);
    await reader.close();
  });
});
