import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench-result.js';
import { compareDefects, type DefectComparison } from './oft-shape/compare-defects.js';
import { generateOftItems, type OftItem } from './oft-shape/generate-oft-items.js';
import { writeOftMarkdown } from './oft-shape/write-oft-markdown.js';
import { writeTraceryItems } from './oft-shape/write-tracery-items.js';
import { openFastTraceJar, runOpenFastTrace } from './openfasttrace/run-openfasttrace.js';

const run = promisify(execFile);

/** What the Tracery side of a run measured (see measure-trace.ts). */
export type TraceryRun = {
  /** Load + coverage, timed inside the process (without its start, module import and output). */
  readonly ms: number;
  /** The whole process, start to exit, timed from outside as OpenFastTrace's JVM is. */
  readonly wallMs: number;
  readonly loadMs: number;
  readonly coverageMs: number;
  /** CPU time of load + coverage and of coverage alone (all threads). */
  readonly cpuMs: number;
  readonly coverageCpuMs: number;
  readonly maxRssKb: number;
  readonly elements: number;
  readonly uncovered: Readonly<Record<string, number>>;
  /** Ids of the elements that are defects in OpenFastTrace's sense (see compare-defects.ts). */
  readonly defects: readonly string[];
  /** Ids of the elements a withdrawn element covers (where Tracery differs on purpose). */
  readonly excludedCover: readonly string[];
  readonly errors: number;
};

/**
 * Runs Tracery's load + coverage on a repository in a fresh process: cold (no cache), or through the
 * repository's cache (`.tracery/cache`), which is warm once a cached run has filled it.
 */
export async function runTracery(dir: string, cache = false): Promise<TraceryRun> {
  const script = join(import.meta.dirname, 'measure-trace.js');
  const args = cache ? [script, dir, '--cache'] : [script, dir];
  const start = performance.now();
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  const wallMs = performance.now() - start;
  return { ...(JSON.parse(stdout) as Omit<TraceryRun, 'wallMs'>), wallMs };
}

/**
 * The whole \`tracery trace report --format md\` process on a repository (through its cache), start to
 * exit: what a user runs, and the nearest match to OpenFastTrace's \`trace\`, which writes its report.
 */
export async function runTraceReport(dir: string): Promise<number> {
  const bin = join(import.meta.dirname, '../../../cli/dist/bin.js');
  const start = performance.now();
  await run(process.execPath, [bin, 'trace', 'report', '--format', 'md', '--repo', dir], {
    maxBuffer: 1 << 30,
  });
  return performance.now() - start;
}

/** Writes both forms of the same generated items into a fresh folder. */
export async function writeBothForms(
  items: number,
  seed = 42,
  special = SPECIAL_SHARE,
): Promise<{ dir: string; count: number; generated: OftItem[] }> {
  const dir = await mkdtemp(join(tmpdir(), `tracery-bench-trace-${items}-`));
  const generated = generateOftItems(items, seed, { special });
  await writeTraceryItems(join(dir, 'tracery'), generated);
  await writeOftMarkdown(join(dir, 'oft'), generated);
  return { dir, count: generated.length, generated };
}

/** The share of requirements given a special scenario (unwanted, outdated, rejected, cycle). */
export const SPECIAL_SHARE = 0.1;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Prints the item-by-item comparison: agreement, and each disagreement (at most 10 of each sort). */
function printComparison(c: DefectComparison): void {
  const line = (text: string) => process.stdout.write(`  ${text}\n`);
  line(
    `items ${c.items}: agree on ${c.agree}; defects openfasttrace=${c.defects.openFastTrace} tracery=${c.defects.tracery}; differ on purpose ${c.onPurpose.length}, unexpected ${c.unexpected.length}`,
  );
  for (const d of c.unexpected.slice(0, 10))
    line(
      `UNEXPECTED ${d.id}: openfasttrace ${d.openFastTrace ? 'defect' : 'ok'}, tracery ${d.tracery ? 'defect' : 'ok'}`,
    );
}

/**
 * Trace + coverage of OpenFastTrace-shaped repositories (requirement -> design -> implementation ->
 * unit test, with unwanted coverage, outdated links, rejected items and cycles in a tenth of the
 * requirements), by Tracery (load the YAML, compute the repository's coverage) and by OpenFastTrace
 * itself (`java -jar openfasttrace.jar trace` on the same items in its Markdown format), side by side:
 * median wall time of `repeats` runs each (Tracery cold, without a cache, and warm, through a cache an
 * earlier run filled; load + coverage timed in the process, and the whole process timed from outside as
 * OpenFastTrace's JVM is), peak RSS, the ratios beside the goals (>= 3x cold, >= 10x warm, at
 * most a third of OpenFastTrace's memory; in-process and whole-process), and the verdicts compared item by item
 * (each item a defect or not for each tool; a disagreement is on purpose only where Tracery ignores a
 * withdrawn element's coverage, as its README says).
 */
export async function traceBenchmark(sizes: readonly number[], repeats: number): Promise<BenchResult[]> {
  const jar = await openFastTraceJar();
  const results: BenchResult[] = [];
  for (const size of sizes) {
    const { dir, count, generated } = await writeBothForms(size);
    try {
      const tracery: TraceryRun[] = [];
      const warm: TraceryRun[] = [];
      const oft: Awaited<ReturnType<typeof runOpenFastTrace>>[] = [];
      const reports: number[] = [];
      await runTracery(join(dir, 'tracery'), true); // fills the cache
      for (let i = 0; i < repeats; i++) {
        tracery.push(await runTracery(join(dir, 'tracery')));
        warm.push(await runTracery(join(dir, 'tracery'), true));
        oft.push(await runOpenFastTrace(jar, join(dir, 'oft')));
      }
      // After the loop: the command keeps its own snapshot in the repository's cache (its loaders
      // differ from measure-trace's), which replaces the other, so run between warm runs it would
      // turn each into a cold one. The first run fills the cache for the command, as above.
      await runTraceReport(join(dir, 'tracery'));
      for (let i = 0; i < repeats; i++) reports.push(await runTraceReport(join(dir, 'tracery')));
      const last = tracery[tracery.length - 1]!;
      if (last.errors > 0) throw new Error(`the generated Tracery repository has ${last.errors} errors.`);
      const warmLast = warm[warm.length - 1]!;
      if (warmLast.defects.join() !== last.defects.join())
        throw new Error('the warm (cached) run found other defects than the cold run.');
      const compared = compareDefects(
        generated,
        oft[oft.length - 1]!.defectIds,
        last.defects,
        last.excludedCover,
      );
      printComparison(compared);
      const t = median(tracery.map((r) => r.ms));
      const w = median(warm.map((r) => r.ms));
      const tWall = median(tracery.map((r) => r.wallMs));
      const wWall = median(warm.map((r) => r.wallMs));
      const o = median(oft.map((r) => r.ms));
      const traceryRss = Math.max(...tracery.map((r) => r.maxRssKb), ...warm.map((r) => r.maxRssKb));
      const oftRss = Math.max(...oft.map((r) => r.maxRssKb));
      results.push({
        benchmark: 'trace+coverage',
        size: `${count}`,
        figures: [
          { name: 'tracery', value: t, unit: 'ms' },
          { name: 'traceryLoad', value: median(tracery.map((r) => r.loadMs)), unit: 'ms' },
          { name: 'traceryCoverage', value: median(tracery.map((r) => r.coverageMs)), unit: 'ms' },
          { name: 'traceryCoverageCpu', value: median(tracery.map((r) => r.coverageCpuMs)), unit: 'ms' },
          { name: 'traceryWarm', value: w, unit: 'ms' },
          { name: 'traceryWarmCpu', value: median(warm.map((r) => r.cpuMs)), unit: 'ms' },
          { name: 'traceryPeakRss', value: Math.round(traceryRss / 1024), unit: 'MiB' },
          { name: 'openfasttrace', value: o, unit: 'ms' },
          { name: 'oftPeakRss', value: Math.round(oftRss / 1024), unit: 'MiB' },
          { name: 'speedup', value: o / t, unit: 'x' },
          { name: 'speedupGoal', value: 3, unit: 'x' },
          { name: 'speedupWarm', value: o / w, unit: 'x' },
          { name: 'speedupWarmGoal', value: 10, unit: 'x' },
          // The same ratios on the whole process (node start, module import, output), as OpenFastTrace is timed.
          { name: 'traceryWall', value: tWall, unit: 'ms' },
          { name: 'traceryWarmWall', value: wWall, unit: 'ms' },
          { name: 'speedupWall', value: o / tWall, unit: 'x' },
          { name: 'speedupWarmWall', value: o / wWall, unit: 'x' },
          // The command a user runs, report written (its Markdown, to a pipe), against OpenFastTrace's trace.
          { name: 'traceReportWall', value: median(reports), unit: 'ms' },
          { name: 'speedupReportWall', value: o / median(reports), unit: 'x' },
          { name: 'memoryShare', value: traceryRss / oftRss, unit: 'x' },
          { name: 'memoryShareGoal', value: 1 / 3, unit: 'x' },
          { name: 'itemsAgree', value: compared.agree, unit: 'items' },
          { name: 'itemsDifferOnPurpose', value: compared.onPurpose.length, unit: 'items' },
          { name: 'itemsUnexpected', value: compared.unexpected.length, unit: 'items' },
          { name: 'verdictsAgree', value: compared.unexpected.length === 0 ? 1 : 0, unit: '' },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
