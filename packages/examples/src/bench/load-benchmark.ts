import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import type { BenchResult } from './bench-result.js';

const run = promisify(execFile);

type Measured = {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  elements: number;
  relations: number;
  files: number;
  errors: number;
};

/** Goals of issue 17 for 200k elements, printed beside the figures. */
const GOALS = { coldMs: 3000, warmMs: 1000 };

/** How model files are parsed: in worker threads when the load decides so (the default), or in process. */
type Parsing = 'auto' | 'in-process';

/** This revision's measure-load.js, and with TRACERY_LOAD_BASELINE that of another (its built examples). */
const THIS = join(import.meta.dirname, 'measure-load.js');
const BASELINE = process.env.TRACERY_LOAD_BASELINE;

async function measureOnce(
  dir: string,
  mode: 'plain' | 'cache',
  parsing: Parsing,
  script = THIS,
): Promise<Measured> {
  const { stdout } = await run(process.execPath, [script, dir, mode], {
    maxBuffer: 1 << 20,
    env: { ...process.env, TRACERY_WORKERS: parsing === 'auto' ? 'auto' : '0' },
  });
  return JSON.parse(stdout) as Measured;
}

async function measure(dir: string, mode: 'plain' | 'cache', repeats: number, parsing: Parsing = 'auto') {
  const runs: Measured[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await measureOnce(dir, mode, parsing));
  return runs;
}

type ColdRuns = Record<Parsing, Measured[]>;

/**
 * Cold loads with and without worker threads, alternating, so that both see the same machine; with
 * TRACERY_LOAD_BASELINE (another revision's `packages/examples/dist/bench/measure-load.js`, such as
 * main's in a clone), that revision's loads too, alternating with these (before and after side by side).
 */
async function measureCold(dir: string, repeats: number): Promise<{ mine: ColdRuns; baseline?: ColdRuns }> {
  const mine: ColdRuns = { auto: [], 'in-process': [] };
  const baseline: ColdRuns = { auto: [], 'in-process': [] };
  for (let i = 0; i < repeats; i++) {
    const order: Parsing[] = i % 2 === 0 ? ['auto', 'in-process'] : ['in-process', 'auto'];
    for (const parsing of order) {
      const pair = i % 2 === 0 ? [false, true] : [true, false];
      for (const base of pair) {
        if (base && BASELINE === undefined) continue;
        if (base) baseline[parsing].push(await measureOnce(dir, 'plain', parsing, BASELINE));
        else mine[parsing].push(await measureOnce(dir, 'plain', parsing));
      }
    }
  }
  return BASELINE === undefined ? { mine } : { mine, baseline };
}

/**
 * Loads that fill an empty cache (the first CLI run on a repository), `repeats` times, each after
 * deleting `.tracery`; with TRACERY_LOAD_BASELINE, that revision's fills alternating with these. Ends
 * with this revision's cache filled, for the loads of unchanged files that follow.
 */
async function measureFill(
  dir: string,
  repeats: number,
): Promise<{ mine: Measured[]; baseline?: Measured[] }> {
  const mine: Measured[] = [];
  const baseline: Measured[] = [];
  const fill = async (script: string) => {
    await rm(join(dir, '.tracery'), { recursive: true, force: true });
    return measureOnce(dir, 'cache', 'auto', script);
  };
  for (let i = 0; i < repeats; i++) {
    const order = i % 2 === 0 ? [THIS, BASELINE] : [BASELINE, THIS];
    for (const script of order) {
      if (script === undefined) continue;
      if (script === THIS) mine.push(await fill(script));
      else baseline.push(await fill(script));
    }
  }
  if (BASELINE !== undefined) await fill(THIS); // the baseline's cache is of another build: refill ours
  return BASELINE === undefined ? { mine } : { mine, baseline };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function figures(runs: Measured[], goal: number) {
  const ms = median(runs.map((r) => r.ms));
  return [
    { name: 'wall', value: ms, unit: 'ms' },
    // CPU time too: on a shared machine, wall time also counts the time other processes ran.
    { name: 'cpu', value: median(runs.map((r) => r.cpuMs)), unit: 'ms' },
    { name: 'goal', value: goal, unit: 'ms' },
    { name: 'elements/s', value: Math.round((runs[0]!.elements / ms) * 1000), unit: '' },
    { name: 'peakRss', value: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024), unit: 'MiB' },
  ];
}

/**
 * Load + validate of generated repositories from files, each load in a fresh process (so peak RSS is
 * the load's own), `repeats` times: cold (no cache: every file parsed), with model files parsed in
 * worker threads as a load decides by default and, alternating with it, all in process
 * (`TRACERY_WORKERS=0`); then loads that fill an empty `.tracery/cache` (what the CLI's first run on
 * a repository does), and loads answered from it (files unchanged). Reports median wall and CPU time
 * (all threads) beside the goal, elements per second, peak RSS, and the machine's load average; with
 * TRACERY_LOAD_BASELINE, the cold and fill figures of another revision measured alternately in the same run.
 */
export async function loadBenchmark(sizes: readonly number[], repeats: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), `tracery-bench-load-${size}-`));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: size, seed: 42 }));
      const load = loadavg()[0]!;
      const { mine, baseline } = await measureCold(dir, repeats);
      const { auto: cold, 'in-process': coldInProcess } = mine;
      const last = cold[cold.length - 1]!;
      if (last.errors > 0)
        throw new Error(
          `the generated repository of ${size} elements has ${last.errors} errors; the generator is broken.`,
        );
      const fill = await measureFill(dir, repeats);
      const warm = await measure(dir, 'cache', repeats);
      results.push(
        {
          benchmark: 'load+validate',
          size: `${size} cold`,
          figures: [
            ...figures(cold, GOALS.coldMs),
            { name: 'relations', value: last.relations, unit: '' },
            { name: 'files', value: last.files, unit: '' },
            // How busy the machine was (1-minute load average when the size started): wall time counts it.
            { name: 'load1', value: Math.round(load * 10) / 10, unit: '' },
          ],
        },
        {
          benchmark: 'load+validate',
          size: `${size} cold in-process`,
          figures: figures(coldInProcess, GOALS.coldMs),
        },
        ...(baseline
          ? [
              {
                benchmark: 'load+validate',
                size: `${size} cold baseline`,
                figures: figures(baseline.auto, GOALS.coldMs),
              },
              {
                benchmark: 'load+validate',
                size: `${size} cold in-process baseline`,
                figures: figures(baseline['in-process'], GOALS.coldMs),
              },
            ]
          : []),
        // The first load through the cache (the CLI's default): a cold load that also writes the cache.
        { benchmark: 'load+validate', size: `${size} fill`, figures: figures(fill.mine, GOALS.coldMs) },
        ...(fill.baseline
          ? [
              {
                benchmark: 'load+validate',
                size: `${size} fill baseline`,
                figures: figures(fill.baseline, GOALS.coldMs),
              },
            ]
          : []),
        { benchmark: 'load+validate', size: `${size} unchanged`, figures: figures(warm, GOALS.warmMs) },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * One model file of `rows` relation rows (between `sqrt(rows)` elements, every pair once), loaded
 * cold in a fresh process, `repeats` times: the size core's hostile-input test once loaded in a unit
 * test (1,000,000 rows). Reports median wall and CPU time, rows per second and peak RSS.
 */
export async function relationRowsBenchmark(rows: number, repeats: number): Promise<BenchResult[]> {
  const side = Math.ceil(Math.sqrt(rows));
  const ids = Array.from({ length: side }, (_, i) => `E${i}`);
  const lines = ['elements:', ...ids.map((id) => `  - {id: ${id}, kind: Service, name: e}`), 'relations:'];
  let written = 0;
  for (const from of ids)
    for (const to of ids) if (written++ < rows) lines.push(`  - {from: ${from}, type: dependsOn, to: ${to}}`);
  const dir = await mkdtemp(join(tmpdir(), `tracery-bench-rows-${rows}-`));
  try {
    await writeFile(join(dir, 'tracery.yaml'), 'name: rows\nlimits:\n  maxFileBytes: 200000000\n');
    await mkdir(join(dir, 'model'));
    await writeFile(join(dir, 'model', 'rows.yaml'), `${lines.join('\n')}\n`);
    const runs = await measure(dir, 'plain', repeats);
    if (runs[0]!.relations !== rows || runs[0]!.errors > 0)
      throw new Error(
        `${rows} relation rows loaded as ${runs[0]!.relations} with ${runs[0]!.errors} errors.`,
      );
    const ms = median(runs.map((r) => r.ms));
    return [
      {
        benchmark: 'load rows',
        size: `${rows}`,
        figures: [
          { name: 'wall', value: ms, unit: 'ms' },
          { name: 'cpu', value: median(runs.map((r) => r.cpuMs)), unit: 'ms' },
          { name: 'rows/s', value: Math.round((rows / ms) * 1000), unit: '' },
          {
            name: 'peakRss',
            value: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024),
            unit: 'MiB',
          },
        ],
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
