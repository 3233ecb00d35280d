import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportResults } from './bench-result.js';
import { bpmnBenchmark } from './bpmn-benchmark.js';
import { checkBenchmark } from './check-benchmark.js';
import { historyBenchmark } from './history-benchmark.js';
import { impactBenchmark, snapshotDiffBenchmark } from './impact-benchmark.js';
import { loadBenchmark, relationRowsBenchmark } from './load-benchmark.js';
import { neo4jBenchmark } from './neo4j-benchmark.js';
import { rulesBenchmark } from './rules-benchmark.js';
import { siteBenchmark } from './site-benchmark.js';
import { startupBenchmark } from './startup-benchmark.js';
import { traceBenchmark } from './trace-benchmark.js';
import { trackerBenchmark } from './tracker-benchmark.js';

// `pnpm bench` runs every benchmark at full size; `pnpm bench:smoke` runs each at a small size so CI
// keeps them working. Figures go to standard output and, as JSON, to .bench/ (or --out).
const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: '.bench' },
  },
});
const smoke = values.smoke === true;

/** The load benchmark's sizes: TRACERY_LOAD_SIZES (such as `200000`), else 10k, 100k and 200k elements. */
function loadSizes(written: string | undefined): number[] {
  if (written === undefined || written.trim() === '') return [10_000, 100_000, 200_000];
  const sizes = written.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(
      `TRACERY_LOAD_SIZES is "${written}"; give whole numbers of elements, such as 200000 or 10000,200000.`,
    );
  return sizes;
}
const out = resolve(values.out ?? '.bench');

const benchmarks: Record<string, () => Promise<string>> = {
  load: async () =>
    reportResults(
      'load',
      await loadBenchmark(smoke ? [2_000] : loadSizes(process.env.TRACERY_LOAD_SIZES), smoke ? 1 : 3),
      out,
    ),
  // One model file of 1,000,000 relation rows (a speed figure; core's tests load 200,000 for correctness).
  rows: async () =>
    reportResults('rows', await relationRowsBenchmark(smoke ? 20_000 : 1_000_000, smoke ? 1 : 3), out),
  trace: async () =>
    reportResults('trace', await traceBenchmark(smoke ? [2_000] : [200_000], smoke ? 1 : 3), out),
  rules: async () =>
    reportResults('rules', await rulesBenchmark(smoke ? [2_000] : [10_000, 200_000], smoke ? 1 : 3), out),
  // `tracery check --format json` in a fresh process: time and peak RSS, output streamed through a pipe.
  check: async () =>
    reportResults('check', await checkBenchmark(smoke ? [2_000] : [200_000], smoke ? 1 : 3), out),
  impact: async () =>
    reportResults(
      'impact',
      await impactBenchmark(smoke ? [20_000] : [100_000, 1_000_000], smoke ? 20 : 200),
      out,
    ),
  tracker: async () =>
    reportResults(
      'tracker',
      await (smoke ? trackerBenchmark(200, 5_000, 1) : trackerBenchmark(10_000, 500_000, 5)),
      out,
    ),
  diff: async () =>
    reportResults('diff', await snapshotDiffBenchmark(smoke ? 2_000 : 200_000, smoke ? 3 : 10), out),
  // diff, baseline create and impact --since at 200k elements (with TRACERY_HISTORY_BASELINE, another build's too).
  history: async () =>
    reportResults('history', await historyBenchmark(smoke ? 2_000 : 200_000, smoke ? 1 : 3), out),
  bpmn: async () =>
    reportResults(
      'bpmn',
      await bpmnBenchmark(
        smoke
          ? { corpusFiles: 40, largeBytes: 2 * 2 ** 20, rounds: 1 }
          : { largeBytes: 20 * 2 ** 20, rounds: 6 },
      ),
      out,
    ),
  site: async () => reportResults('site', await siteBenchmark(smoke ? [2_000] : [50_000]), out),
  // Fresh processes: tracery --version, --help, validate of the MHHS example, import('@tracery/core');
  // with TRACERY_STARTUP_BASELINE (another built checkout's root), that checkout's too, alternating.
  startup: async () => reportResults('startup', await startupBenchmark(smoke ? 3 : 15), out),
  // Starts its own Neo4j test server (Java 17, Maven) unless TRACERY_NEO4J_URI is set.
  neo4j: async () =>
    reportResults(
      'neo4j',
      await neo4jBenchmark(
        smoke
          ? {
              elements: 1_000,
              relations: 4_000,
              batchSizes: [1_000],
              impactRuns: 5,
              impactDepths: [3, undefined],
              rounds: 1,
            }
          : {
              elements: 100_000,
              relations: 500_000,
              batchSizes: [2_000, 5_000, 10_000],
              impactRuns: 20,
              // Issue 17's Cypher impact row: depth 3 and unbounded, each beside the in-memory engine.
              impactDepths: [3, undefined],
              rounds: 3,
              // Impact from Neo4j on a graph of 1M relations (issue 17: models past memory).
              impactModel: { elements: 200_000, relations: 1_000_000 },
            },
      ),
      out,
    ),
};

const selected = values.only ? values.only.split(',') : Object.keys(benchmarks);
for (const name of selected) {
  const bench = benchmarks[name];
  if (!bench) {
    process.stderr.write(
      `unknown benchmark "${name}"; the benchmarks are ${Object.keys(benchmarks).join(', ')}.\n`,
    );
    process.exit(2);
  }
  process.stdout.write(`# ${name}${smoke ? ' (smoke size)' : ''}\n`);
  const path = await bench();
  process.stdout.write(`wrote ${path}\n`);
}
