import { loadRepository, repositoryCoverage } from '@tracery/core';
import { coverageDefects, coveredByExcluded } from '../src/bench/oft-shape/compare-defects.js';

export { writeBothForms } from '../src/bench/trace-benchmark.js';

/** Tracery's side of the comparison for a repository, computed in this process. */
export async function runTraceryInProcess(dir: string) {
  const loaded = await loadRepository(dir);
  if (loaded.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`the generated repository does not load: ${loaded.diagnostics[0]?.message}`);
  const coverage = repositoryCoverage(loaded);
  return { coverage, defects: coverageDefects(coverage), excludedCover: coveredByExcluded(coverage) };
}
