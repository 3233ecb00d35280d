import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { fileTree, hostileRepo, removeHostileRepos } from './hostile/hostile-repo.js';
import { runCaptured } from './run-cli.js';

// The CLI keeps parsed model files in <repository>/.tracery/cache by default (issue 17); `--no-cache`
// before the command, or TRACERY_CACHE=0, turns it off. A load with errors writes nothing.

afterAll(removeHostileRepos);
afterEach(() => {
  vi.unstubAllEnvs();
});

const cacheEntries = async (dir: string): Promise<string[]> => {
  const base = join(dir, '.tracery', 'cache');
  const names = await readdir(base).catch(() => [] as string[]);
  const versions = names.filter((n) => n !== '.gitignore');
  const entries = await Promise.all(versions.map((v) => readdir(join(base, v))));
  return entries.flat().filter((name) => name.endsWith('.v8') && !name.startsWith('model-'));
};

/** The whole-load snapshots (`model-<key>.snapshot`) of the cache. */
const snapshots = async (dir: string): Promise<string[]> => {
  const base = join(dir, '.tracery', 'cache');
  const versions = (await readdir(base).catch(() => [] as string[])).filter((n) => n !== '.gitignore');
  const entries = await Promise.all(versions.map((v) => readdir(join(base, v))));
  return entries.flat().filter((name) => /^model-[0-9a-f]+\.snapshot$/.test(name));
};

describe('the parsed-file cache in the CLI', () => {
  test('is on by default: a clean load of hand-written files writes an entry per file and a snapshot, only under .tracery/cache', async () => {
    const dir = await hostileRepo();
    const before = await fileTree(dir);
    const modelFiles = Object.keys(before).filter((p) => p.startsWith('model/') && p.endsWith('.yaml'));
    expect(modelFiles.length).toBeGreaterThan(0);
    const cold = await runCaptured(['validate', dir, '--json']);
    expect(cold.code).toBe(0);
    expect(await cacheEntries(dir)).toHaveLength(modelFiles.length);
    expect(await snapshots(dir)).toHaveLength(1);
    expect(await fileTree(dir)).toEqual(before);
    // A warm run answers exactly what the cold run and an uncached run answer.
    const warm = await runCaptured(['validate', dir, '--json']);
    const uncached = await runCaptured(['--no-cache', 'validate', dir, '--json']);
    expect(warm).toEqual(cold);
    expect(uncached).toEqual(cold);
  });

  test('--no-cache before the command writes no cache', async () => {
    const dir = await hostileRepo();
    const result = await runCaptured(['--no-cache', 'validate', dir]);
    expect(result.code).toBe(0);
    expect(await readdir(dir)).not.toContain('.tracery');
  });

  test.each(['0', 'false', 'off'])('TRACERY_CACHE=%s writes no cache', async (setting) => {
    vi.stubEnv('TRACERY_CACHE', setting);
    const dir = await hostileRepo();
    expect((await runCaptured(['validate', dir])).code).toBe(0);
    expect(await readdir(dir)).not.toContain('.tracery');
  });

  test('a load with errors writes nothing into the repository, not even the cache', async () => {
    const dir = await hostileRepo({
      'model/broken.yaml': 'elements:\n  - {id: X-1, kind: Servise, name: x}\n',
    });
    const result = await runCaptured(['validate', dir]);
    expect(result.code).toBe(1);
    expect(await cacheEntries(dir)).toEqual([]);
    expect(await snapshots(dir)).toEqual([]);
  });
});
