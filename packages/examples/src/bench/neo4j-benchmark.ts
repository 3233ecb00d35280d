import { loadavg } from 'node:os';
import { computeImpact, type Model } from '@tracery/core';
import { seededRandom } from '@tracery/core/testing';
import {
  type ExportOptions,
  exportModel,
  openDriver,
  queryImpact,
  startTestServer,
  stopTestServer,
} from '@tracery/neo4j-adapter';
import type { BenchFigure, BenchResult } from './bench-result.js';
import { type Neo4jBenchShape, neo4jBenchModel } from './neo4j-bench-model.js';

/** What the Neo4j benchmark measures, and at what size. */
export type Neo4jBenchOptions = Neo4jBenchShape & {
  /** Batch sizes of the sweep (the default write mode and lanes); then one lane at 10 000, whose graph is kept for the impact figures. */
  readonly batchSizes: readonly number[];
  /** Changed elements to time impact from, in memory and in Cypher. */
  readonly impactRuns: number;
  /** Impact depth; unbounded when left out. */
  readonly maxDepth?: number;
};

/** A driver, as the adapter opens one (credentials from TRACERY_NEO4J_USER / TRACERY_NEO4J_PASSWORD). */
type Driver = ReturnType<typeof openDriver>['driver'];

type Variant = { readonly name: string; readonly options: ExportOptions };

/** The export as it was first written (MERGE every row, batches of 2000, one at a time), to compare against. */
const BASELINE: Variant = {
  name: 'merge b2000 x1',
  options: { writeMode: 'merge', batchSize: 2000, concurrency: 1 },
};

/**
 * Export of a generated model to a real Neo4j, and impact in memory against the same impact in
 * Cypher on the same graph. For each variant (the first MERGE-everything export, then the default
 * write mode over a sweep of batch sizes and lanes) it exports into an empty label: rows per
 * second, then a second run of the unchanged model, which must write nothing. Then impact from
 * `impactRuns` elements: p50 in memory, p50 in Cypher, and the ratio. Uses the server at
 * TRACERY_NEO4J_URI, or starts the test server (not counted).
 */
export async function neo4jBenchmark(options: Neo4jBenchOptions): Promise<BenchResult[]> {
  const model = neo4jBenchModel(options);
  const external = process.env.TRACERY_NEO4J_URI;
  const server = external ? undefined : await startTestServer({ heap: '3g', pageCacheMb: 1024 });
  const uri = external ?? server!.uri;
  const { driver } = openDriver({ uri });
  const size = `${Math.round(model.elementCount / 1000)}k+${Math.round(model.relationCount / 1000)}k`;
  try {
    const variants: Variant[] = [
      BASELINE,
      ...options.batchSizes.map((batchSize) => ({
        name: `diff b${batchSize} x2`,
        options: { batchSize, concurrency: 2 },
      })),
      { name: 'diff b10000 x1', options: { batchSize: 10_000, concurrency: 1 } },
    ];
    const results: BenchResult[] = [];
    for (const [i, variant] of variants.entries()) {
      const label = `TraceryBench${i}`;
      const keep = i === variants.length - 1;
      results.push({
        benchmark: `export ${variant.name}`,
        size,
        figures: await timeExport(driver, model, label, variant, keep),
      });
    }
    results.push(await impactFigures(driver, model, `TraceryBench${variants.length - 1}`, options, size));
    await dropLabel(driver, `TraceryBench${variants.length - 1}`);
    return results;
  } finally {
    await driver.close();
    if (server) await stopTestServer(server);
  }
}

async function timeExport(
  driver: Driver,
  model: Model,
  label: string,
  variant: Variant,
  keep: boolean,
): Promise<BenchFigure[]> {
  await dropLabel(driver, label);
  const rows = model.elementCount + model.relationCount;
  const load = loadavg()[0]!;
  const options = { ...variant.options, elementLabel: label, computeHash: false };
  const first = performance.now();
  const result = await exportModel(driver, model, options);
  const firstMs = performance.now() - first;
  if (result.nodes.created !== model.elementCount || result.relationships.created !== model.relationCount) {
    throw new Error(
      `export ${variant.name}: created ${result.nodes.created} nodes and ${result.relationships.created} relationships, not the model's.`,
    );
  }
  const second = performance.now();
  const again = await exportModel(driver, model, options);
  const secondMs = performance.now() - second;
  if (again.writes.propertiesSet !== 0 || again.nodes.created + again.relationships.created !== 0) {
    throw new Error(`export ${variant.name}: the second run wrote something.`);
  }
  if (!keep) await dropLabel(driver, label);
  return [
    { name: 'first', value: firstMs / 1000, unit: 's' },
    { name: 'rows/s', value: Math.round(rows / (firstMs / 1000)), unit: '' },
    { name: 'second', value: secondMs / 1000, unit: 's' },
    { name: 'batches', value: result.batches, unit: '' },
    { name: 'load', value: load, unit: '' },
  ];
}

async function impactFigures(
  driver: Driver,
  model: Model,
  label: string,
  options: Neo4jBenchOptions,
  size: string,
): Promise<BenchResult> {
  const ids = [...model.idsOfKind('DataItem'), ...model.idsOfKind('Requirement')];
  const random = seededRandom(11);
  const seeds = Array.from({ length: options.impactRuns }, () => ids[random.int(ids.length)]!);
  const impact = options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth };
  const memory: number[] = [];
  const cypher: number[] = [];
  let reached = 0;
  for (const seed of seeds) {
    let start = performance.now();
    const inMemory = computeImpact(model, [seed], impact).impacted;
    memory.push(performance.now() - start);
    start = performance.now();
    const inCypher = (await queryImpact(driver, model.metamodel, [seed], { ...impact, elementLabel: label }))
      .impacted;
    cypher.push(performance.now() - start);
    // The same answer, or the figure means nothing: ids, depths, reaches and paths.
    if (JSON.stringify(inCypher) !== JSON.stringify(inMemory)) {
      throw new Error(
        `impact of ${seed}: ${inCypher.length} elements in Cypher, ${inMemory.length} in memory, or other paths.`,
      );
    }
    reached += inMemory.length;
  }
  const memoryP50 = median(memory);
  const cypherP50 = median(cypher);
  return {
    benchmark: `impact ${options.maxDepth === undefined ? 'unbounded' : `depth ${options.maxDepth}`}`,
    size,
    figures: [
      { name: 'memory p50', value: memoryP50, unit: 'ms' },
      { name: 'cypher p50', value: cypherP50, unit: 'ms' },
      { name: 'cypher/memory', value: cypherP50 / memoryP50, unit: 'x' },
      { name: 'impacted', value: Math.round(reached / seeds.length), unit: '' },
    ],
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Deletes a benchmark label's nodes (in transactions of 10 000) and the schema an export made for it. */
async function dropLabel(driver: Driver, label: string): Promise<void> {
  const session = driver.session();
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction, which session.run gives.
    await session.run(`MATCH (n:${label}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
    await session.run(`DROP CONSTRAINT tracery_${label}_id IF EXISTS`);
    for (const what of ['kind', 'name']) await session.run(`DROP INDEX tracery_${label}_${what} IF EXISTS`);
  } finally {
    await session.close();
  }
}
