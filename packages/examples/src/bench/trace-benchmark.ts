import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench-result.js';
import { generateOftItems, OFT_TYPES, type OftType } from './oft-shape/generate-oft-items.js';
import { writeOftMarkdown } from './oft-shape/write-oft-markdown.js';
import { writeTraceryItems } from './oft-shape/write-tracery-items.js';
import { openFastTraceJar, runOpenFastTrace } from './openfasttrace/run-openfasttrace.js';

const run = promisify(execFile);

/** What the Tracery side of a run measured (see measure-trace.ts). */
export type TraceryRun = {
  readonly ms: number;
  readonly loadMs: number;
  readonly coverageMs: number;
  readonly maxRssKb: number;
  readonly elements: number;
  readonly uncovered: Readonly<Record<string, number>>;
  readonly errors: number;
};

/** Runs Tracery's load + coverage on a repository in a fresh process. */
export async function runTracery(dir: string): Promise<TraceryRun> {
  const script = join(import.meta.dirname, 'measure-trace.js');
  const { stdout } = await run(process.execPath, [script, dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as TraceryRun;
}

/** Uncovered items per OpenFastTrace type, from both tools, and whether every count agrees. */
export function compareVerdicts(tracery: TraceryRun['uncovered'], oft: Readonly<Record<string, number>>) {
  const rows = (Object.keys(OFT_TYPES) as OftType[]).map((type) => ({
    type,
    tracery: tracery[OFT_TYPES[type]] ?? 0,
    openFastTrace: oft[type] ?? 0,
  }));
  return { rows, agree: rows.every((r) => r.tracery === r.openFastTrace) };
}

/** Writes both forms of the same generated items into a fresh folder. */
export async function writeBothForms(items: number, seed = 42): Promise<{ dir: string; count: number }> {
  const dir = await mkdtemp(join(tmpdir(), `tracery-bench-trace-${items}-`));
  const generated = generateOftItems(items, seed);
  await writeTraceryItems(join(dir, 'tracery'), generated);
  await writeOftMarkdown(join(dir, 'oft'), generated);
  return { dir, count: generated.length };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Trace + coverage of OpenFastTrace-shaped repositories (requirement -> design -> implementation ->
 * unit test), by Tracery (load the YAML, compute deep coverage) and by OpenFastTrace itself
 * (`java -jar openfasttrace.jar trace` on the same items in its Markdown format), side by side:
 * median wall time of `repeats` runs each, peak RSS, the ratio, and whether the verdicts agree
 * (the same number of uncovered items of each type).
 */
export async function traceBenchmark(sizes: readonly number[], repeats: number): Promise<BenchResult[]> {
  const jar = await openFastTraceJar();
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const { dir, count } = await writeBothForms(size);
    try {
      const tracery: TraceryRun[] = [];
      const oft: Awaited<ReturnType<typeof runOpenFastTrace>>[] = [];
      for (let i = 0; i < repeats; i++) {
        tracery.push(await runTracery(join(dir, 'tracery')));
        oft.push(await runOpenFastTrace(jar, join(dir, 'oft')));
      }
      const last = tracery[tracery.length - 1]!;
      if (last.errors > 0) throw new Error(`the generated Tracery repository has ${last.errors} errors.`);
      const verdicts = compareVerdicts(last.uncovered, oft[oft.length - 1]!.defects);
      const t = median(tracery.map((r) => r.ms));
      const o = median(oft.map((r) => r.ms));
      for (const row of verdicts.rows)
        process.stdout.write(
          `  uncovered ${row.type.padEnd(5)} tracery=${row.tracery} openfasttrace=${row.openFastTrace}\n`,
        );
      results.push({
        benchmark: 'trace+coverage',
        size: `${count}`,
        figures: [
          { name: 'tracery', value: t, unit: 'ms' },
          { name: 'traceryLoad', value: median(tracery.map((r) => r.loadMs)), unit: 'ms' },
          { name: 'traceryCoverage', value: median(tracery.map((r) => r.coverageMs)), unit: 'ms' },
          {
            name: 'traceryPeakRss',
            value: Math.round(Math.max(...tracery.map((r) => r.maxRssKb)) / 1024),
            unit: 'MiB',
          },
          { name: 'openfasttrace', value: o, unit: 'ms' },
          {
            name: 'oftPeakRss',
            value: Math.round(Math.max(...oft.map((r) => r.maxRssKb)) / 1024),
            unit: 'MiB',
          },
          { name: 'speedup', value: o / t, unit: 'x' },
          { name: 'verdictsAgree', value: verdicts.agree ? 1 : 0, unit: '' },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
