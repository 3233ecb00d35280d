import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchFigure, BenchResult } from './bench-result.js';

/** Goals of issue 17 for start-up, in wall milliseconds of a fresh process. */
const GOALS: Readonly<Record<string, number>> = { 'tracery --version': 150, "import('@tracery/core')": 120 };

/** What one run of a process gave: wall and CPU time, peak RSS, and what it printed (to compare). */
type Run = { ms: number; cpuMs: number; maxRssKb: number; code: number; out: string };

/** A checkout of Tracery, built: this one, or the baseline's (TRACERY_STARTUP_BASELINE). */
type Checkout = { readonly root: string; readonly label: string };

/** One case: the node arguments that run it in a checkout, given the example repository it may read. */
type Case = { readonly name: string; readonly args: (root: string, repo: string) => string[] };

const CASES: readonly Case[] = [
  { name: 'node -e 0', args: () => ['-e', '0'] },
  { name: 'tracery --version', args: (root) => [join(root, 'packages/cli/dist/bin.js'), '--version'] },
  { name: 'tracery --help', args: (root) => [join(root, 'packages/cli/dist/bin.js'), '--help'] },
  {
    name: 'tracery validate mhhs',
    args: (root, repo) => [join(root, 'packages/cli/dist/bin.js'), 'validate', repo],
  },
  {
    name: "import('@tracery/core')",
    args: (root) => {
      const core = pathToFileURL(join(root, 'packages/core/dist/index.js')).href;
      return ['--input-type=module', '-e', `await import(${JSON.stringify(core)});`];
    },
  },
  {
    // What `tracery import reqif` and `export reqif` pay to import the ReqIF package (core comes with it).
    name: "import('@tracery/reqif')",
    args: (root) => {
      const reqif = pathToFileURL(join(root, 'packages/reqif/dist/index.js')).href;
      return ['--input-type=module', '-e', `await import(${JSON.stringify(reqif)});`];
    },
  },
];

const THIS_ROOT = resolve(import.meta.dirname, '../../../..');
const HOOK = join(import.meta.dirname, 'startup-usage-hook.js');
const EXAMPLE = join(THIS_ROOT, 'packages/examples/mhhs');

/** Runs `node <args>` in a fresh process; the usage hook reports its CPU time and peak RSS. */
function runOnce(args: readonly string[], usageFile: string): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(HOOK).href, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TRACERY_STARTUP_USAGE_FILE: usageFile, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      readFile(usageFile, 'utf8').then(
        (text) =>
          done({ ...(JSON.parse(text) as { cpuMs: number; maxRssKb: number }), ms, code: code ?? -1, out }),
        () => fail(new Error(`node ${args.join(' ')} wrote no usage (exit ${code}): ${out.slice(0, 500)}`)),
      );
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function figures(runs: readonly Run[], goal: number | undefined): BenchFigure[] {
  return [
    { name: 'wall', value: Math.round(median(runs.map((r) => r.ms))), unit: 'ms' },
    // CPU time too: on a shared machine, wall time also counts the time other processes ran.
    { name: 'cpu', value: Math.round(median(runs.map((r) => r.cpuMs))), unit: 'ms' },
    ...(goal === undefined ? [] : [{ name: 'goal', value: goal, unit: 'ms' }]),
    { name: 'peakRss', value: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024), unit: 'MiB' },
  ];
}

/**
 * The same case must print the same thing and exit the same way in both checkouts (its repository
 * folder aside): a faster start-up that changed an answer would be no improvement.
 */
function checkSame(name: string, mine: Run, base: Run, repos: readonly [string, string]): void {
  const plain = (run: Run, repo: string) => `exit ${run.code}\n${run.out.split(repo).join('<repo>')}`;
  const [a, b] = [plain(mine, repos[0]), plain(base, repos[1])];
  if (a !== b)
    throw new Error(
      `${name}: this checkout and the baseline differ:\n--- this\n${a.slice(0, 800)}\n--- baseline\n${b.slice(0, 800)}`,
    );
}

/**
 * Start-up time, each run a fresh process, `repeats` times: `node -e 0` (the floor), `tracery --version`,
 * `tracery --help`, `tracery validate` of the MHHS example (its cache filled by a first run, so the
 * figure is start-up plus a warm load), `import('@tracery/core')` and `import('@tracery/reqif')`. With
 * TRACERY_STARTUP_BASELINE (the root of another built checkout, such as a clone of main), the same cases
 * in that checkout, alternating with these so both see the same machine, each checked to print the same
 * as this one.
 * Reports median wall and CPU time (bootstrap included), peak RSS, the goals, the ratio to the
 * baseline, and the machine's load average.
 */
export async function startupBenchmark(repeats: number): Promise<BenchResult[]> {
  const baselineRoot = process.env.TRACERY_STARTUP_BASELINE;
  const checkouts: Checkout[] = [
    { root: THIS_ROOT, label: 'this' },
    ...(baselineRoot ? [{ root: resolve(baselineRoot), label: 'baseline' }] : []),
  ];
  const work = await mkdtemp(join(tmpdir(), 'tracery-bench-startup-'));
  try {
    // A copy of the example per checkout, so that neither reads the other's cache.
    const repos = await Promise.all(
      checkouts.map(async (c) => {
        const repo = join(work, c.label, 'mhhs');
        await cp(EXAMPLE, repo, { recursive: true, filter: (src) => !src.includes('.tracery') });
        return repo;
      }),
    );
    const usage = join(work, 'usage.json');
    const load = loadavg()[0]!;
    const runs = new Map<string, Run[]>();
    for (const [i, c] of checkouts.entries()) {
      // The first validate fills the cache; it must have read the example (exit 0 or 1, never 2).
      const fill = await runOnce(CASES[3]!.args(c.root, repos[i]!), usage);
      if (fill.code !== 0 && fill.code !== 1)
        throw new Error(
          `tracery validate of the example in ${c.root} exited ${fill.code}: ${fill.out.slice(0, 500)}`,
        );
    }
    for (let round = 0; round < repeats; round++)
      for (const kase of CASES) {
        const order = round % 2 === 0 ? [...checkouts.keys()] : [...checkouts.keys()].reverse();
        const got: Run[] = [];
        for (const i of order) {
          const run = await runOnce(kase.args(checkouts[i]!.root, repos[i]!), usage);
          got[i] = run;
          const key = `${kase.name}|${checkouts[i]!.label}`;
          const group = runs.get(key);
          if (group) group.push(run);
          else runs.set(key, [run]);
        }
        if (got.length === 2 && kase.name !== 'node -e 0')
          checkSame(kase.name, got[0]!, got[1]!, [repos[0]!, repos[1]!]);
      }
    return resultsOf(runs, checkouts, load);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function resultsOf(runs: Map<string, Run[]>, checkouts: readonly Checkout[], load: number): BenchResult[] {
  const results: BenchResult[] = [];
  for (const kase of CASES) {
    const mine = runs.get(`${kase.name}|this`)!;
    const base = runs.get(`${kase.name}|baseline`);
    const ratio = (key: 'ms' | 'cpuMs') =>
      base === undefined
        ? []
        : [
            {
              name: `${key === 'ms' ? 'wall' : 'cpu'}/baseline`,
              value: median(mine.map((r) => r[key])) / median(base.map((r) => r[key])),
              unit: 'x',
            },
          ];
    results.push({
      benchmark: 'startup',
      size: kase.name,
      figures: [
        ...figures(mine, GOALS[kase.name]),
        ...(kase.name === 'node -e 0' ? [] : [...ratio('ms'), ...ratio('cpuMs')]),
        // How busy the machine was (1-minute load average when the benchmark started).
        { name: 'load1', value: Math.round(load * 10) / 10, unit: '' },
      ],
    });
    if (base !== undefined && kase.name !== 'node -e 0' && checkouts.length === 2)
      results.push({
        benchmark: 'startup',
        size: `${kase.name} baseline`,
        figures: figures(base, GOALS[kase.name]),
      });
  }
  return results;
}
