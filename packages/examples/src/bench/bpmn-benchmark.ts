import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchFigure, BenchResult } from './bench-result.js';
import { largeBpmn } from './large-bpmn.js';

const run = promisify(execFile);

const SAMPLE_CORPUS_DIR = fileURLToPath(new URL('../../../bpmn/test/fixtures/miwg-sample', import.meta.url));

/**
 * The BPMN MIWG corpus: where TRACERY_BPMN_CORPUS says (the full 831-file suite:
 * `TRACERY_BPMN_CORPUS=../shared/corpora/bpmn-miwg pnpm bench --only bpmn`), else the 40-file sample
 * committed with the bpmn tests, so a clone with nothing beside it measures the same files each time
 * (the result's size names how many files ran).
 */
export const BPMN_CORPUS_DIR = process.env.TRACERY_BPMN_CORPUS ?? SAMPLE_CORPUS_DIR;

type Mode = 'bare' | 'parse' | 'import';
type Measured = {
  ms: number;
  cpuMs: number;
  heapPeakMb: number;
  maxRssMb: number;
  files: number;
  bytes: number;
  failures: number;
};

/** Options of {@link bpmnBenchmark}. */
export type BpmnBenchmarkOptions = {
  /** How many corpus files, spread evenly over its tools; undefined for all of them. */
  readonly corpusFiles?: number;
  /** The size of the generated diagram, in bytes. */
  readonly largeBytes: number;
  /** How many paired processes time the three modes, in alternating order; the median ratio is reported. */
  readonly rounds: number;
};

/** The goal of issue 17: importing the large diagram costs at most 1.3 times bare bpmn-moddle's CPU time. */
export const BPMN_IMPORT_GOAL = 1.3;

/**
 * BPMN import against bare bpmn-moddle, on the same files in the same run: the corpus and a generated
 * large diagram, each read by `bpmn-moddle fromXML` alone, by `parseBpmn` (decode, scan, bpmn-moddle,
 * compare) and by `importBpmn` (parse and map). The three are timed file by file, one after the other
 * in one process (a collection forced before each, outside the timing), in alternating order over
 * `rounds` fresh processes; each process gives the ratios
 * ours / bare of CPU time, which a busy machine disturbs less than wall time, and the median ratio is
 * reported beside the goal ({@link BPMN_IMPORT_GOAL}). Heap and RSS come from one process per mode.
 * With TRACERY_BPMN_BASELINE naming another revision's built `@tracery/bpmn` (its `dist/index.js`), that
 * revision's import is timed in the same processes too, for a before/after side by side.
 */
export async function bpmnBenchmark(options: BpmnBenchmarkOptions): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tracery-bench-bpmn-'));
  try {
    const corpus = await corpusPaths(options.corpusFiles);
    const large = join(dir, 'large.bpmn');
    await writeFile(large, largeBpmn(options.largeBytes));
    const results: BenchResult[] = [];
    for (const [size, paths] of [
      [`corpus-${corpus.length}`, corpus],
      [`large-${Math.round(options.largeBytes / 2 ** 20)}MiB`, [large]],
    ] as const) {
      const list = join(dir, `${size}.json`);
      await writeFile(list, JSON.stringify(paths));
      results.push({ benchmark: 'bpmn-import', size, figures: await compare(list, options.rounds) });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function corpusPaths(count: number | undefined): Promise<string[]> {
  const tsv = join(BPMN_CORPUS_DIR, 'COUNTS.tsv');
  if (!existsSync(tsv))
    throw new Error(`the BPMN corpus is not at ${BPMN_CORPUS_DIR}; set TRACERY_BPMN_CORPUS to its folder.`);
  const [header, ...rows] = (await readFile(tsv, 'utf8')).trimEnd().split('\n');
  const column = (header ?? '').split('\t').indexOf('path');
  const all = rows.map((row) => join(BPMN_CORPUS_DIR, row.split('\t')[column] ?? ''));
  if (count === undefined || count >= all.length) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)] as string);
}

/** One process's CPU and wall milliseconds per mode; `baseline` only with TRACERY_BPMN_BASELINE set. */
type Paired = Record<Mode, { cpu: number; wall: number }> & { baseline?: { cpu: number; wall: number } };

async function compare(list: string, rounds: number): Promise<BenchFigure[]> {
  const paired: Paired[] = [];
  for (let round = 0; round < rounds; round++)
    paired.push(await measurePaired(list, round % 2 === 0 ? 'forward' : 'reverse'));
  // Heap and RSS need a process of their own per mode.
  const alone = {
    bare: await measure('bare', list),
    import: await measure('import', list),
  };
  const median = (mode: Mode, key: 'cpu' | 'wall') => {
    const values = paired.map((p) => p[mode][key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  const bare = median('bare', 'cpu');
  // The ratio in each process, then their median: both sides of a ratio met the same load.
  const ratio = (mode: Mode, key: 'cpu' | 'wall') => {
    const values = paired.map((p) => p[mode][key] / p.bare[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return [
    { name: 'files', value: alone.bare.files, unit: '' },
    { name: 'MiB', value: alone.bare.bytes / 2 ** 20, unit: '' },
    { name: 'bareCpu', value: Math.round(bare), unit: 'ms' },
    { name: 'parseCpu', value: Math.round(median('parse', 'cpu')), unit: 'ms' },
    { name: 'importCpu', value: Math.round(median('import', 'cpu')), unit: 'ms' },
    { name: 'parse/bare', value: ratio('parse', 'cpu'), unit: 'x' },
    { name: 'import/bare', value: ratio('import', 'cpu'), unit: 'x' },
    { name: 'goal', value: BPMN_IMPORT_GOAL, unit: 'x' },
    ...baselineFigures(paired),
    { name: 'import/bare wall', value: ratio('import', 'wall'), unit: 'x' },
    { name: 'heapBare', value: Math.round(alone.bare.heapPeakMb), unit: 'MiB' },
    { name: 'heapImport', value: Math.round(alone.import.heapPeakMb), unit: 'MiB' },
    { name: 'rssBare', value: Math.round(alone.bare.maxRssMb), unit: 'MiB' },
    { name: 'rssImport', value: Math.round(alone.import.maxRssMb), unit: 'MiB' },
  ];
}

/** The import of the revision TRACERY_BPMN_BASELINE names, as a ratio to bare bpmn-moddle in the same processes. */
function baselineFigures(paired: readonly Paired[]): BenchFigure[] {
  const ratios = paired
    .flatMap((p) => (p.baseline ? [p.baseline.cpu / p.bare.cpu] : []))
    .sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  return median === undefined ? [] : [{ name: 'baseline import/bare', value: median, unit: 'x' }];
}

async function measurePaired(list: string, order: 'forward' | 'reverse'): Promise<Paired> {
  const script = join(import.meta.dirname, 'measure-bpmn-paired.js');
  const { stdout } = await run(process.execPath, ['--expose-gc', script, list, order], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Paired;
}

async function measure(mode: Mode, list: string): Promise<Measured> {
  // Two passes in the process: the first warms the JIT up, the faster one counts.
  const { stdout } = await run(
    process.execPath,
    [join(import.meta.dirname, 'measure-bpmn.js'), mode, list, '2'],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as Measured;
}
