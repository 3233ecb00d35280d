import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Model } from '@tracery/core';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import type { BenchResult } from './bench-result.js';

const run = promisify(execFile);

type Measured = { code: number; ms: number; cpuMs: number; maxRssKb: number };

/** Peak RSS goal of issue 17 at 200k elements (under 800 MB, 762 MiB), and the time aims per command. */
const GOAL_MIB = Math.floor(800e6 / 2 ** 20);

/** A command that compares two states, run with `--repo`; `out` is the file its answer goes to. */
type HistoryCommand = {
  readonly name: string;
  readonly args: (out: string) => string[];
  /** Where the answer is, relative to the repository when not `out`. */
  readonly answer?: string;
  readonly goalMs?: number;
};

const COMMANDS: readonly HistoryCommand[] = [
  { name: 'diff T1', args: (out) => ['diff', 'T1', '--out', out], goalMs: 5000 },
  { name: 'diff git:HEAD', args: (out) => ['diff', 'git:HEAD', '--out', out], goalMs: 5000 },
  {
    name: 'baseline create',
    args: () => ['baseline', 'create', 'T2', '--force'],
    answer: 'baselines/T2.json',
    goalMs: 3000,
  },
  // JSON: the text table of 100,000s of impacted elements is not what this measures.
  { name: 'impact --since', args: (out) => ['impact', '--since', 'T1', '--json', '--out', out] },
];

/**
 * TRACERY_HISTORY_BASELINE: another built checkout's root (such as a clone of main at the session's
 * start); its CLI runs the same commands on its own copy of the repository (each build keeps its own
 * load cache, and one build's run deletes another's), alternating with this one's.
 */
const BASELINE = process.env.TRACERY_HISTORY_BASELINE;

function measureOnce(cli: string, args: readonly string[]): Promise<Measured> {
  return new Promise((done, fail) => {
    const script = join(import.meta.dirname, 'measure-history.js');
    const child = spawn(process.execPath, [script, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      try {
        const measured = JSON.parse(err.trim().split('\n').pop() ?? '') as Measured;
        if (measured.code !== 0) throw new Error(`exit ${measured.code}`);
        done(measured);
      } catch (error) {
        fail(new Error(`tracery ${args.join(' ')}: ${(error as Error).message}: ${err.slice(0, 800)}`));
      }
    });
  });
}

async function git(dir: string, ...args: string[]): Promise<void> {
  await run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: dir });
}

/**
 * The second state: about 0.2% of the elements renamed, some relations removed and others added,
 * new requirements (each refining a principle), and the last few requirements removed. Chosen by
 * position in sorted order, so the same size always gives the same edits.
 */
function editModel(model: Model): void {
  const ids = [...model.elementIds()].sort();
  const n = Math.max(5, Math.round(ids.length / 1000));
  for (let i = 0; i < 2 * n; i++) {
    const element = model.getElement(ids[(i * 7919) % ids.length]!);
    model.putElement({ ...element, name: `${element.name} (revised)` });
  }
  const relations = [...model.relations()];
  for (let i = 0; i < n; i++) model.removeRelation(relations[(i * 104_729) % relations.length]!);
  const refines = relations.find((r) => r.type === 'refines');
  const requirements = ids.filter(
    (id) => model.hasElement(id) && model.getElement(id).kind === 'Requirement',
  );
  for (let i = 0; i < n; i++) {
    const id = `REQ-9${String(i).padStart(5, '0')}`;
    model.addElement({
      id,
      kind: 'Requirement',
      name: `New requirement ${i}`,
      attributes: { priority: 'must' },
    });
    if (refines) model.addRelation({ type: 'refines', source: id, target: refines.target, attributes: {} });
  }
  for (const id of requirements.slice(-Math.ceil(n / 4))) model.removeElement(id);
}

/** A git repository of `size` generated elements: committed and baselined as T1, then edited. */
async function twoStates(dir: string, size: number): Promise<void> {
  const model = generateModel({ elements: size, seed: 42 });
  await writeGeneratedRepository(dir, model);
  await writeFile(join(dir, '.gitignore'), '.tracery/\nbaselines/\n');
  await git(dir, 'init', '-q');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'first state');
  await measureOnce('-', ['baseline', 'create', 'T1', '--repo', dir]);
  editModel(model);
  await writeGeneratedRepository(dir, model);
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function figures(runs: Measured[], goalMs: number | undefined) {
  return [
    { name: 'wall', value: median(runs.map((r) => r.ms)), unit: 'ms' },
    // CPU time too: on a shared machine, wall time also counts the time other processes ran.
    { name: 'cpu', value: median(runs.map((r) => r.cpuMs)), unit: 'ms' },
    ...(goalMs === undefined ? [] : [{ name: 'goal', value: goalMs, unit: 'ms' }]),
    { name: 'peakRss', value: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024), unit: 'MiB' },
    { name: 'goalRss', value: GOAL_MIB, unit: 'MiB' },
  ];
}

/** The answer of a run, with the repository's path written as `<repo>` (the two copies differ in it). */
async function answerOf(repo: string, command: HistoryCommand, out: string): Promise<string> {
  const text = await readFile(command.answer ? join(repo, command.answer) : out, 'utf8');
  return text.replaceAll(repo, '<repo>');
}

/**
 * `tracery diff` (a baseline, and a git revision, against the working tree), `tracery baseline create`
 * and `tracery impact --since` on a generated git repository of `size` elements with about 0.2% of it
 * changed since its first commit and baseline, each in a fresh process through the load cache (filled
 * by a first run): median wall and CPU time and peak RSS beside the goals, and the load average. With
 * TRACERY_HISTORY_BASELINE, that build's figures beside these, alternating, and its answers must be
 * these byte for byte (the repository's path aside).
 */
export async function historyBenchmark(size: number, repeats: number): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), `tracery-bench-history-${size}-`));
  try {
    const mine = join(dir, 'mine');
    await twoStates(mine, size);
    const builds = [{ label: '', cli: '-', repo: mine }];
    if (BASELINE !== undefined) {
      const repo = join(dir, 'baseline');
      await cp(mine, repo, { recursive: true, filter: (path) => !path.includes('.tracery') });
      builds.push({ label: ' baseline', cli: resolve(BASELINE, 'packages/cli/dist/index.js'), repo });
    }
    const load = loadavg()[0]!;
    const results: BenchResult[] = [];
    for (const command of COMMANDS) {
      const runs = builds.map(() => [] as Measured[]);
      const answers: string[] = [];
      for (let i = -1; i < repeats; i++) {
        // Alternating, first this build then the other and back, so both see the same machine.
        const order = i % 2 === 0 ? builds.map((_, k) => k).reverse() : builds.map((_, k) => k);
        for (const k of order) {
          const { cli, repo } = builds[k]!;
          const out = join(dir, `answer-${k}`);
          const measured = await measureOnce(cli, [...command.args(out), '--repo', repo]);
          if (i < 0)
            answers[k] = await answerOf(repo, command, out); // the first run fills the cache
          else runs[k]!.push(measured);
        }
      }
      if (answers.some((answer) => answer !== answers[0]))
        throw new Error(`${command.name}: the baseline build answered differently from this one.`);
      for (const [k, { label }] of builds.entries())
        results.push({
          benchmark: 'history',
          size: `${size} ${command.name}${label}`,
          figures: [
            ...figures(runs[k]!, command.goalMs),
            { name: 'answer', value: Math.round(answers[k]!.length / 1024), unit: 'KiB' },
            // How busy the machine was (1-minute load average when the benchmark started).
            { name: 'load1', value: Math.round(load * 10) / 10, unit: '' },
          ],
        });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
