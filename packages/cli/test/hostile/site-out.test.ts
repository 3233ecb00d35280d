import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCaptured } from '../run-cli.js';
import { BASE_REPO, fileTree, hostileRepo, removeHostileRepos } from './hostile-repo.js';

afterAll(removeHostileRepos);

// `tracery site` empties its --out folder before it writes: given the repository (`--out .`), a folder
// above it, or a folder of someone's files, it deleted them all. Now it refuses, before removing anything.

const site = (repo: string, out: string) =>
  runCaptured(['--no-cache', 'site', '--repo', repo, '--out', out, '--no-history']);

describe('tracery site --out never empties a folder it did not write', () => {
  test.each([
    ['the repository itself', (repo: string) => repo, /holds the repository/],
    ['the folder above the repository', (repo: string) => dirname(repo), /holds the repository/],
    [
      'a folder of other files',
      (repo: string) => join(repo, 'docs'),
      /is not empty and is not a site Tracery wrote/,
    ],
  ])('%s: exit 2, a clear message, and every file kept', async (_, out, message) => {
    // The repository one folder down, in a folder of its own: the folder above is part of the case.
    const outer = await hostileRepo({ 'repo/docs/notes.md': '# Notes the user wrote\n' });
    await cp(BASE_REPO, join(outer, 'repo'), { recursive: true });
    const repo = join(outer, 'repo');
    const above = await fileTree(dirname(repo));
    expect(Object.keys(above)).toEqual(expect.arrayContaining(['repo/docs/notes.md', 'repo/tracery.yaml']));
    const { code, err } = await site(repo, out(repo));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(await fileTree(dirname(repo))).toEqual(above);
  });

  test('a new folder is written and marked; the next build empties and rewrites it', async () => {
    const repo = await hostileRepo();
    const out = join(repo, 'site');
    expect((await site(repo, out)).code).toBe(0);
    expect(await readdir(out)).toContain('.tracery-site');
    await writeFile(join(out, 'stale.html'), 'from an old build\n');
    expect((await site(repo, out)).code).toBe(0);
    expect(await readdir(out)).not.toContain('stale.html');
  });

  test('an empty folder, and the site of an earlier Tracery (index.html, assets/, e/), are written', async () => {
    const repo = await hostileRepo();
    const empty = join(repo, 'empty');
    await mkdir(empty);
    expect((await site(repo, empty)).code).toBe(0);
    const earlier = join(repo, 'earlier');
    await mkdir(join(earlier, 'assets'), { recursive: true });
    await mkdir(join(earlier, 'e'));
    await writeFile(join(earlier, 'index.html'), '<!doctype html>\n');
    expect((await site(repo, earlier)).code).toBe(0);
    expect(await readdir(earlier)).toContain('.tracery-site');
  });
});
