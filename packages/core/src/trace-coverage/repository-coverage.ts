import { suspectLinkEnds } from '../baseline/suspect-links.js';
import type { LoadedRepository } from '../repository/load-repository.js';
import { type CoverageResult, computeCoverage } from './compute-coverage.js';
import { DEFAULT_COVERAGE_POLICY } from './coverage-policy.js';

/**
 * The coverage of a loaded repository: its `coverage:` policy (or the default one), with the links
 * whose review stamp no longer matches their ends (suspect links, tracery.yaml's `suspectLinks.types`)
 * counted as outdated, so that they do not cover. A link never reviewed is not outdated: there is no
 * stamp to compare. The one coverage behind the test-trace report, `--fail-under`, the rules and the
 * JSON outputs.
 *
 * @example
 * const coverage = repositoryCoverage(await loadRepository('packages/examples/mhhs'));
 */
export function repositoryCoverage(loaded: LoadedRepository): CoverageResult {
  const types = loaded.config.suspectLinks?.types;
  const outdated = suspectLinkEnds(loaded.model, types ? { types } : {});
  return computeCoverage(loaded.model, loaded.config.coverage ?? DEFAULT_COVERAGE_POLICY, { outdated });
}
