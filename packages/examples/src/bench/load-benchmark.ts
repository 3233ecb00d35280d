import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import type { BenchResult } from './bench-result.js';

const run = promisify(execFile);

type Measured = {
  ms: number;
  maxRssKb: number;
  elements: number;
  relations: number;
  files: number;
  errors: number;
};

/**
 * Load + validate of generated repositories from files: for each size, generate a repository, write
 * it, then load it in a fresh process (so peak RSS is the load's own), `repeats` times; reports the
 * median wall time, peak RSS and elements per second.
 */
export async function loadBenchmark(sizes: readonly number[], repeats: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `tracery-bench-load-${size}-`));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: size, seed: 42 }));
      const runs: Measured[] = [];
      for (let i = 0; i < repeats; i++) {
        const { stdout } = await run(process.execPath, [join(import.meta.dirname, 'measure-load.js'), dir], {
          maxBuffer: 1 << 20,
        });
        runs.push(JSON.parse(stdout) as Measured);
      }
      const last = runs[runs.length - 1]!;
      if (last.errors > 0)
        throw new Error(
          `the generated repository of ${size} elements has ${last.errors} errors; the generator is broken.`,
        );
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      results.push({
        benchmark: 'load+validate',
        size: `${size}`,
        figures: [
          { name: 'wall', value: ms, unit: 'ms' },
          { name: 'elements/s', value: Math.round((last.elements / ms) * 1000), unit: '' },
          {
            name: 'peakRss',
            value: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024),
            unit: 'MiB',
          },
          { name: 'relations', value: last.relations, unit: '' },
          { name: 'files', value: last.files, unit: '' },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
