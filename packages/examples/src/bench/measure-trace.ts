import { computeCoverage, loadRepository } from '@tracery/core';

// Runs in its own process so that peak RSS is the trace's own: `node measure-trace.js <dir>`.
// Loads the repository, computes coverage under its policy, and prints the uncovered count per kind.
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: measure-trace <repository>\n');
  process.exit(2);
}
const start = performance.now();
const loaded = await loadRepository(dir);
const loadMs = performance.now() - start;
const coverage = computeCoverage(loaded.model, loaded.config.coverage);
const ms = performance.now() - start;
const uncovered: Record<string, number> = {};
for (const [kind, count] of Object.entries(coverage.byKind)) uncovered[kind] = count.uncovered;
const errors = [...loaded.diagnostics, ...coverage.diagnostics].filter((d) => d.severity === 'error').length;
process.stdout.write(
  `${JSON.stringify({ ms, loadMs, coverageMs: ms - loadMs, maxRssKb: process.resourceUsage().maxRSS, elements: loaded.model.elementCount, uncovered, errors })}\n`,
);
