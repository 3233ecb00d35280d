import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { LoadedRepository } from '../repository/load-repository.js';
import { linkResults } from '../results/link-results.js';
import { loadResults } from '../results/load-results.js';
import { repositoryCoverage } from '../trace-coverage/repository-coverage.js';
import { type TestTraceReport, testTraceReport } from './test-trace-report.js';

/** The test-trace report of a repository, and the problems met reading its results. */
export type BuiltTestTrace = {
  readonly report: TestTraceReport;
  readonly diagnostics: readonly Diagnostic[];
};

/**
 * Reads a loaded repository's JUnit reports (`sources.results`), links them to its TestCases by the
 * `results.link` rule, and builds the test-trace report on {@link repositoryCoverage} (its `coverage`
 * policy, with outdated links not counted).
 *
 * @example
 * const { report } = await buildTestTrace(await loadRepository('packages/examples/mhhs'));
 */
export async function buildTestTrace(loaded: LoadedRepository): Promise<BuiltTestTrace> {
  const read = await loadResults(
    loaded.root,
    loaded.config.sources.results,
    loaded.config.limits.maxFileBytes,
    loaded.config.results?.problems ?? 'error',
    loaded.config.results?.timezone ?? 'UTC',
  );
  const linked = linkResults(loaded.model, read.reports, loaded.config.results?.link ?? {});
  const coverage = repositoryCoverage(loaded);
  const report = testTraceReport(loaded.model, {
    title: `Test trace: ${loaded.config.name}`,
    coverage,
    results: linked,
  });
  return {
    report,
    diagnostics: [...read.diagnostics, ...linked.diagnostics, ...coverage.diagnostics].sort(
      compareDiagnostics,
    ),
  };
}
