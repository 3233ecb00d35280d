import { loadRepository, repositoryCoverage } from '@tracery/core';
import { coverageDefects, coveredByExcluded } from './oft-shape/compare-defects.js';

// Runs in its own process so that peak RSS is the trace's own: `node measure-trace.js <dir> [--cache]`.
// Loads the repository (with `--cache`, through `.tracery/cache` as the CLI does: warm when a run before
// filled it), computes its coverage (policy, outdated links), and prints the uncovered count
// per kind, the defect ids and the elements a withdrawn element covers.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: measure-trace <repository>\n');
  process.exit(2);
}
const start = performance.now();
const loaded = await loadRepository(dir, { cache: process.argv[3] === '--cache' });
const loadMs = performance.now() - start;
const coverage = repositoryCoverage(loaded);
const ms = performance.now() - start;
const uncovered: Record<string, number> = {};
for (const [kind, count] of Object.entries(coverage.byKind)) uncovered[kind] = count.uncovered;
const errors = [...loaded.diagnostics, ...coverage.diagnostics].filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({
    ms,
    loadMs,
    coverageMs: ms - loadMs,
    maxRssKb: process.resourceUsage().maxRSS,
    elements: loaded.model.elementCount,
    uncovered,
    defects: coverageDefects(coverage),
    excludedCover: coveredByExcluded(coverage),
    errors,
  })}\n`,
);
