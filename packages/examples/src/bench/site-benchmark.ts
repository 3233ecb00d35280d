import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRepository } from '@tracery/core';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import { buildSite } from '@tracery/site';
import type { BenchResult } from './bench-result.js';

/** The size in bytes of the largest file in a folder, and of the whole folder's files. */
async function sizes(dir: string): Promise<{ largest: number; total: number }> {
  let largest = 0;
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { size } = await stat(join(entry.parentPath, entry.name));
    largest = Math.max(largest, size);
    total += size;
  }
  return { largest, total };
}

/**
 * The static site of generated repositories: for each size, writes the repository, loads it and times
 * `buildSite` (without git history). Reports the wall time, the files and megabytes written, the largest
 * element page, and the data files a browser loads on demand (search index, the impact explorer's model).
 */
export async function siteBenchmark(sizes_: readonly number[]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of sizes_) {
    const repo = await mkdtemp(join(tmpdir(), 'tracery-site-bench-repo-'));
    const out = await mkdtemp(join(tmpdir(), 'tracery-site-bench-out-'));
    try {
      await writeGeneratedRepository(repo, generateModel({ elements: size, seed: 42 }));
      const loaded = await loadRepository(repo);
      const start = performance.now();
      const built = await buildSite(loaded, { out, history: false });
      const ms = performance.now() - start;
      const pages = await sizes(join(out, 'e'));
      const file = async (path: string) => (await stat(join(out, path))).size;
      results.push({
        benchmark: 'site',
        size: `${loaded.model.elementCount}`,
        figures: [
          { name: 'wall', value: ms, unit: 'ms' },
          { name: 'files', value: built.files, unit: '' },
          { name: 'total', value: built.bytes / 2 ** 20, unit: 'MiB' },
          { name: 'largest-page', value: pages.largest / 1024, unit: 'KiB' },
          { name: 'mean-page', value: pages.total / loaded.model.elementCount / 1024, unit: 'KiB' },
          { name: 'search-index', value: (await file('data/search.json')) / 2 ** 20, unit: 'MiB' },
          { name: 'impact-model', value: (await file('data/model.json')) / 2 ** 20, unit: 'MiB' },
        ],
      });
    } finally {
      await rm(repo, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  }
  return results;
}
