import { computeCoverage, loadRepository } from '@tracery/core';

export { compareVerdicts, writeBothForms } from '../src/bench/trace-benchmark.js';

/** Tracery's uncovered count per kind for a repository, computed in this process. */
export async function runTraceryInProcess(dir: string): Promise<Record<string, number>> {
  const loaded = await loadRepository(dir);
  if (loaded.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`the generated repository does not load: ${loaded.diagnostics[0]?.message}`);
  const coverage = computeCoverage(loaded.model, loaded.config.coverage);
  return Object.fromEntries(Object.entries(coverage.byKind).map(([kind, c]) => [kind, c.uncovered]));
}
