import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import type { BenchResult } from './bench-result.js';

type Measured = { code: number; ms: number; cpuMs: number; maxRssKb: number; bytes: number };

/** Goal of issue 17 for `check --format json` on 200k elements: under 800 MB (762.9 MiB) peak RSS. */
const GOAL_MIB = Math.floor(800e6 / 2 ** 20);

/**
 * One `tracery check --format json` in a fresh process; the bytes it printed are counted, not kept.
 * With `out`, the findings go to that file (`--out`) and its size is counted.
 */
function measureOnce(dir: string, cached: boolean, out?: string): Promise<Measured> {
  return new Promise((done, fail) => {
    const args = [
      join(import.meta.dirname, 'measure-check.js'),
      dir,
      cached ? '--cache' : '--no-cache',
      ...(out ? [out] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      const line = err.trim().split('\n').pop() ?? '';
      try {
        const measured = JSON.parse(line) as Omit<Measured, 'bytes'>;
        done({ ...measured, bytes: out ? statSync(out).size : bytes });
      } catch {
        fail(new Error(`measure-check printed no figures: ${err.slice(0, 500)}`));
      }
    });
  });
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `tracery check --format json` over generated repositories, each run in a fresh process with its
 * output read through a pipe: without the cache (every file parsed) and with it (files unchanged).
 * Reports median wall and CPU time, peak RSS beside the goal, and the size of the JSON printed.
 */
export async function checkBenchmark(sizes: readonly number[], repeats: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `tracery-bench-check-${size}-`));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: size, seed: 42 }));
      // Without the cache, with it (files unchanged), and with it writing to a file (--out).
      const variants = [
        { cached: false, label: 'no-cache' },
        { cached: true, label: 'unchanged' },
        { cached: true, label: 'unchanged --out', out: join(dir, 'findings.json') },
      ];
      for (const { cached, label, out } of variants) {
        if (cached && !out) await measureOnce(dir, true); // fills the cache
        const runs: Measured[] = [];
        for (let i = 0; i < repeats; i++) runs.push(await measureOnce(dir, cached, out));
        if (runs.some((r) => r.code !== runs[0]!.code || r.bytes !== runs[0]!.bytes))
          throw new Error('check --format json answered differently between runs.');
        results.push({
          benchmark: 'check json',
          size: `${size} ${label}`,
          figures: [
            { name: 'wall', value: median(runs.map((r) => r.ms)), unit: 'ms' },
            { name: 'cpu', value: median(runs.map((r) => r.cpuMs)), unit: 'ms' },
            { name: 'peakRss', value: Math.round(median(runs.map((r) => r.maxRssKb)) / 1024), unit: 'MiB' },
            { name: 'goal', value: GOAL_MIB, unit: 'MiB' },
            { name: 'json', value: Math.round(runs[0]!.bytes / 2 ** 20), unit: 'MiB' },
          ],
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
