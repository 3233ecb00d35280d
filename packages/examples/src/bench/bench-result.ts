import { join } from 'node:path';
import { writeFileAtomic } from '@tracery/core/advanced';

/** One measured figure of a benchmark. */
export type BenchFigure = { readonly name: string; readonly value: number; readonly unit: string };

/** A benchmark's results: what was measured, on what, and the figures. */
export type BenchResult = {
  readonly benchmark: string;
  readonly size: string;
  readonly figures: readonly BenchFigure[];
};

/** Prints results as aligned lines and writes them as JSON to `<out>/<name>.json`. */
export async function reportResults(
  name: string,
  results: readonly BenchResult[],
  out: string,
): Promise<string> {
  for (const result of results) {
    const figures = result.figures
      .map((f) => `${f.name}=${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)}${f.unit}`)
      .join('  ');
    process.stdout.write(`${result.benchmark.padEnd(14)} ${result.size.padEnd(10)} ${figures}\n`);
  }
  const path = join(out, `${name}.json`);
  const machine = {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: (await import('node:os')).cpus().length,
  };
  await writeFileAtomic(
    path,
    `${JSON.stringify({ name, date: new Date().toISOString(), machine, results }, null, 2)}\n`,
  );
  return path;
}
