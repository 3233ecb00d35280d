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
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const start = performance.now();
const cpuStart = cpu();
const loaded = await loadRepository(dir, { cache: process.argv[3] === '--cache' });
const loadMs = performance.now() - start;
const loadCpu = cpu();
const coverage = repositoryCoverage(loaded);
const ms = performance.now() - start;
const end = cpu();
const uncovered: Record<string, number> = {};
for (const [kind, count] of Object.entries(coverage.countsByKind)) uncovered[kind] = count.uncovered;
const errors = [...loaded.diagnostics, ...coverage.diagnostics].filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({
    ms,
    loadMs,
    coverageMs: ms - loadMs,
    // CPU time (all threads: workers, GC), which a machine shared with other work inflates less than wall time.
    cpuMs: end - cpuStart,
    coverageCpuMs: end - loadCpu,
    maxRssKb: process.resourceUsage().maxRSS,
    elements: loaded.model.elementCount,
    uncovered,
    defects: coverageDefects(coverage),
    excludedCover: coveredByExcluded(coverage),
    errors,
  })}\n`,
);
