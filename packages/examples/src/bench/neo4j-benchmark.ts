import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeImpact, type Model } from '@tracery/core';
import { seededRandom } from '@tracery/core/testing';
import {
  EXPORT_RECORD_LABEL,
  type ExportOptions,
  exportModel,
  importIntoTestServer,
  openDriver,
  queryImpact,
  startTestServer,
  stopTestServer,
  writeImportCsv,
} from '@tracery/neo4j-adapter';
import type { BenchFigure, BenchResult } from './bench-result.js';
import { type Neo4jBenchShape, neo4jBenchModel } from './neo4j-bench-model.js';

/** What the Neo4j benchmark measures, and at what size. */
export type Neo4jBenchOptions = Neo4jBenchShape & {
  /** Batch sizes of the sweep (the default write mode and lanes); then one lane at 5 000 (the default), whose graph is kept for the impact figures. */
  readonly batchSizes: readonly number[];
  /** Changed elements to time impact from, in memory and in Cypher. */
  readonly impactRuns: number;
  /** Impact depths to time, each in memory and in Cypher (`undefined`: unbounded); default unbounded only. */
  readonly impactDepths?: readonly (number | undefined)[];
  /** Exports per variant of the sweep (medians reported); the first MERGE variant and the kept one run once. */
  readonly rounds: number;
  /** Leave out the first MERGE-everything variant (the slowest; for a quick measure); default false. */
  readonly withoutBaseline?: boolean;
  /**
   * A larger model to time impact on (exported once, its rows/s reported too); when left out,
   * impact runs on the graph of the last variant.
   */
  readonly impactModel?: Neo4jBenchShape;
};

/** A driver, as the adapter opens one (credentials from TRACERY_NEO4J_USER / TRACERY_NEO4J_PASSWORD). */
type Driver = ReturnType<typeof openDriver>['driver'];

type Variant = { readonly name: string; readonly options: ExportOptions };

/** The goals of issue 17: rows per second of a first export at the default batch size, and a re-export with nothing to change. */
const GOAL_ROWS_PER_S = 80_000;
const GOAL_AGAIN_S = 2;

/** The export as it was first written (MERGE every row, batches of 2000, one at a time), to compare against. */
const BASELINE: Variant = {
  name: 'merge b2000 x1',
  options: { writeMode: 'merge', batchSize: 2000, concurrency: 1 },
};

/**
 * Export of a generated model to a real Neo4j, and impact in memory against the same impact in
 * Cypher. For each variant (the first MERGE-everything export, then the default write mode with the
 * relationship ends found through the id index as before, then the default over a sweep of batch
 * sizes, then one lane) it exports into an empty label (the sweep `rounds` times, round by round,
 * medians reported): rows per second beside the goal, the CPU seconds of the client and (when the
 * benchmark started the server) of the server, then a run with nothing to change through the export
 * record and one comparing every row (`skipUnchanged: false`, the path before the record), neither
 * of which may write. Then the bulk path (CSV + neo4j-admin import) when it started its own server. Then
 * impact from `impactRuns` elements at each of `impactDepths`, on `impactModel` when given: p50 in memory, p50 in Cypher, the
 * ratio. Uses the server at TRACERY_NEO4J_URI, or starts the test server (not counted).
 */
export async function neo4jBenchmark(options: Neo4jBenchOptions): Promise<BenchResult[]> {
  const model = neo4jBenchModel(options);
  const external = process.env.TRACERY_NEO4J_URI;
  const server = external ? undefined : await startTestServer({ heap: '3g', pageCacheMb: 1024 });
  const uri = external ?? server!.uri;
  const { driver } = openDriver({ uri });
  const size = `${Math.round(model.elementCount / 1000)}k+${Math.round(model.relationCount / 1000)}k`;
  const cpu = serverCpu(server?.pid);
  try {
    const variants: Variant[] = [
      ...(options.withoutBaseline ? [] : [BASELINE]),
      // The relationship ends found through the id index, as before: in the same rounds as the default.
      {
        name: 'diff b5000 x2 idIndex',
        options: { batchSize: 5_000, concurrency: 2, relationshipEnds: 'idIndex' },
      },
      ...options.batchSizes.map((batchSize) => ({
        name: `diff b${batchSize} x2`,
        options: { batchSize, concurrency: 2 },
      })),
      { name: 'diff b5000 x1', options: { batchSize: 5_000, concurrency: 1 } },
    ];
    // The sweep runs round by round (each variant once per round), so that a change of load on a
    // shared machine falls on every variant alike; the baseline and the kept last variant run once.
    const sweep = variants.filter((v, i) => v !== BASELINE && i !== variants.length - 1);
    const samples = new Map<Variant, Sample[]>(variants.map((v) => [v, []]));
    const labelOf = (variant: Variant) => `TraceryBench${variants.indexOf(variant)}`;
    const once = async (variant: Variant, keep: boolean) => {
      samples.get(variant)!.push(await exportOnce(driver, model, labelOf(variant), variant, cpu));
      if (!keep) await dropLabel(driver, labelOf(variant));
    };
    // A server the benchmark started has a cold JIT: one small export first, not counted, so that
    // the first variant measured does not pay for it.
    if (server) await warmUp(driver);
    if (!options.withoutBaseline) await once(BASELINE, false);
    // Each round starts one variant further on, so that no variant is always the first after a pause.
    for (let round = 0; round < options.rounds; round += 1) {
      for (let i = 0; i < sweep.length; i += 1) await once(sweep[(round + i) % sweep.length]!, false);
    }
    await once(variants.at(-1)!, options.impactModel === undefined);
    const rows = model.elementCount + model.relationCount;
    const results: BenchResult[] = variants.map((variant) => ({
      benchmark: `export ${variant.name}`,
      size,
      figures: exportFigures(variant, samples.get(variant)!, rows),
    }));
    if (!external) results.push(await csvFigures(model, size));
    const impactLabel = labelOf(variants.at(-1)!);
    const depths = options.impactDepths ?? [undefined];
    if (options.impactModel === undefined) {
      for (const depth of depths)
        results.push(await impactFigures(driver, model, impactLabel, options, size, depth));
    } else {
      const big = neo4jBenchModel(options.impactModel);
      const bigSize = `${Math.round(big.elementCount / 1000)}k+${Math.round(big.relationCount / 1000)}k`;
      const variant = { name: 'diff b5000 x2', options: { batchSize: 5_000, concurrency: 2 } };
      const sample = await exportOnce(driver, big, impactLabel, variant, cpu);
      const figures = exportFigures(variant, [sample], big.elementCount + big.relationCount);
      results.push({ benchmark: `export ${variant.name}`, size: bigSize, figures });
      for (const depth of depths)
        results.push(await impactFigures(driver, big, impactLabel, options, bigSize, depth));
    }
    await dropLabel(driver, impactLabel);
    return results;
  } finally {
    await driver.close();
    if (server) await stopTestServer(server);
  }
}

async function warmUp(driver: Driver): Promise<void> {
  const label = 'TraceryBenchWarmUp';
  await dropLabel(driver, label);
  await exportModel(driver, neo4jBenchModel({ elements: 2_000, relations: 8_000 }), { elementLabel: label });
  await dropLabel(driver, label);
}

/** One export into an empty label and two runs with nothing to change: their times, and the CPU each side spent on the first. */
type Sample = {
  readonly firstMs: number;
  readonly skippedMs: number;
  readonly comparedMs: number;
  readonly clientCpuMs: number;
  readonly serverCpuMs: number | undefined;
  readonly batches: number;
  readonly load: number;
};

async function exportOnce(
  driver: Driver,
  model: Model,
  label: string,
  variant: Variant,
  serverCpuMs: () => number | undefined,
): Promise<Sample> {
  const options = { ...variant.options, elementLabel: label, computeHash: false };
  await dropLabel(driver, label);
  const load = loadavg()[0]!;
  const client = process.cpuUsage();
  const server = serverCpuMs();
  const [firstMs, result] = await timed(() => exportModel(driver, model, options));
  const used = process.cpuUsage(client);
  const serverAfter = serverCpuMs();
  if (result.nodes.created !== model.elementCount || result.relationships.created !== model.relationCount) {
    throw new Error(
      `export ${variant.name}: created ${result.nodes.created} nodes and ${result.relationships.created} relationships, not the model's.`,
    );
  }
  // Nothing to change, twice: through the export record (a diff run just recorded the model), and
  // comparing every row as before the record existed. Neither may write anything.
  const again: number[] = [];
  for (const skipUnchanged of [true, false]) {
    const [ms, rerun] = await timed(() => exportModel(driver, model, { ...options, skipUnchanged }));
    if (rerun.writes.propertiesSet !== 0 || rerun.nodes.created + rerun.relationships.created !== 0) {
      throw new Error(`export ${variant.name}: a run with nothing to change wrote something.`);
    }
    again.push(ms);
  }
  return {
    firstMs,
    skippedMs: again[0]!,
    comparedMs: again[1]!,
    clientCpuMs: (used.user + used.system) / 1000,
    serverCpuMs: server === undefined || serverAfter === undefined ? undefined : serverAfter - server,
    batches: result.batches,
    load,
  };
}

function exportFigures(variant: Variant, samples: readonly Sample[], rows: number): BenchFigure[] {
  const p50 = (pick: (s: Sample) => number) => median(samples.map(pick));
  const firstP50 = p50((s) => s.firstMs);
  const figures: BenchFigure[] = [
    { name: 'first', value: firstP50 / 1000, unit: 's' },
    { name: 'rows/s', value: Math.round(rows / (firstP50 / 1000)), unit: '' },
    { name: 'goal', value: GOAL_ROWS_PER_S, unit: '' },
    // CPU seconds of the first export on each side: what a busy machine disturbs less than the wall.
    { name: 'client cpu', value: p50((s) => s.clientCpuMs) / 1000, unit: 's' },
  ];
  if (samples.every((s) => s.serverCpuMs !== undefined))
    figures.push({ name: 'server cpu', value: p50((s) => s.serverCpuMs!) / 1000, unit: 's' });
  // A MERGE run records nothing (other writers may be at work), so only diff runs skip.
  if (variant.options.writeMode !== 'merge') {
    figures.push({ name: 'again (record)', value: p50((s) => s.skippedMs) / 1000, unit: 's' });
    figures.push({ name: 'again goal', value: GOAL_AGAIN_S, unit: 's' });
  }
  figures.push(
    { name: 'again (rows)', value: p50((s) => s.comparedMs) / 1000, unit: 's' },
    { name: 'batches', value: samples.at(-1)!.batches, unit: '' },
    { name: 'rounds', value: samples.length, unit: '' },
    { name: 'load', value: p50((s) => s.load), unit: '' },
  );
  return figures;
}

/**
 * CPU milliseconds the server process (all its threads) has used so far, read from /proc on Linux;
 * undefined for a server the benchmark did not start or elsewhere.
 */
function serverCpu(pid: number | undefined): () => number | undefined {
  return () => {
    if (pid === undefined || pid < 0) return undefined;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticksPerSecond = 100;
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    } catch {
      return undefined;
    }
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/**
 * The bulk path for a first load into an empty database: CSV files written by the adapter, then
 * Neo4j's own importer (neo4j-admin database import full) into a fresh data folder. Server start
 * not included. Needs the built launcher (its Maven dependencies hold the importer).
 */
async function csvFigures(model: Model, size: string): Promise<BenchResult> {
  const folder = await mkdtemp(join(tmpdir(), 'tracery-bench-csv-'));
  try {
    const load = loadavg()[0]!;
    const [writeMs, written] = await timed(() => writeImportCsv(model, join(folder, 'csv')));
    const [importMs] = await timed(() =>
      importIntoTestServer({ dataDir: join(folder, 'data'), arguments: written.arguments, heap: '2g' }),
    );
    const rows = model.elementCount + model.relationCount;
    return {
      benchmark: 'csv + neo4j-admin import',
      size,
      figures: [
        { name: 'write csv', value: writeMs / 1000, unit: 's' },
        { name: 'import', value: importMs / 1000, unit: 's' },
        { name: 'rows/s', value: Math.round(rows / ((writeMs + importMs) / 1000)), unit: '' },
        { name: 'load', value: load, unit: '' },
      ],
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function impactFigures(
  driver: Driver,
  model: Model,
  label: string,
  options: Neo4jBenchOptions,
  size: string,
  maxDepth: number | undefined,
): Promise<BenchResult> {
  const ids = [...model.idsOfKind('DataItem'), ...model.idsOfKind('Requirement')];
  const random = seededRandom(11);
  const seeds = Array.from({ length: options.impactRuns }, () => ids[random.int(ids.length)]!);
  const impact = maxDepth === undefined ? {} : { maxDepth };
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
    benchmark: `impact ${maxDepth === undefined ? 'unbounded' : `depth ${maxDepth}`}`,
    size,
    figures: [
      { name: 'memory p50', value: memoryP50, unit: 'ms' },
      { name: 'cypher p50', value: cypherP50, unit: 'ms' },
      { name: 'cypher/memory', value: cypherP50 / memoryP50, unit: 'x' },
      { name: 'impacted', value: Math.round(reached / seeds.length), unit: '' },
    ],
  };
}

/** The median; of an even count, the mean of the middle two (of two rounds, not the slower one). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Deletes a benchmark label's nodes (in transactions of 10 000), its export record and the schema an export made for it. */
async function dropLabel(driver: Driver, label: string): Promise<void> {
  const session = driver.session();
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction, which session.run gives.
    await session.run(`MATCH (n:${label}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
    await session.run(`DROP CONSTRAINT tracery_${label}_id IF EXISTS`);
    for (const what of ['kind', 'name']) await session.run(`DROP INDEX tracery_${label}_${what} IF EXISTS`);
    await session.run(`MATCH (m:${EXPORT_RECORD_LABEL} {label: $label}) DELETE m`, { label });
  } finally {
    await session.close();
  }
}
