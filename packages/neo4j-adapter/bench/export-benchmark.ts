/**
 * Export throughput against a real Neo4j: rows per second for a synthetic model at several batch
 * sizes, the second (no-op) run, the pull, and one impact query. Not a test: figures vary by machine.
 *
 *   pnpm tsx -C tracery-source packages/neo4j-adapter/bench/export-benchmark.ts [elements] [relationsPerElement] [batchSizes]
 *
 * Uses TRACERY_NEO4J_URI when set, otherwise starts the test server.
 */
import { DEFAULT_KINDS, DEFAULT_RELATION_TYPES, defaultMetamodel, Model } from '@tracery/core';
import neo4j from 'neo4j-driver';
import { exportModel, pullModel, queryImpact, startTestServer, stopTestServer } from '../src/index.js';

function syntheticModel(elements: number, relationsPerElement: number): Model {
  const model = new Model(defaultMetamodel());
  const kinds = DEFAULT_KINDS.map((k) => k.name);
  const types = DEFAULT_RELATION_TYPES.map((t) => t.name);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < elements; i += 1) {
    model.addElement({
      id: `E-${String(i).padStart(7, '0')}`,
      kind: kinds[i % kinds.length]!,
      name: `Element ${i}`,
      status: 'approved',
      tags: ['synthetic', `group-${i % 10}`],
      attributes: { order: i, weight: random(), note: `note ${i}` },
    });
  }
  for (let i = 0; i < elements * relationsPerElement; i += 1) {
    const source = `E-${String(Math.floor(random() * elements)).padStart(7, '0')}`;
    const target = `E-${String(Math.floor(random() * elements)).padStart(7, '0')}`;
    model.addRelation({ source, target, type: types[i % types.length]!, attributes: {} });
  }
  return model;
}

async function main(): Promise<void> {
  const [elements = 10_000, perElement = 5] = process.argv.slice(2, 4).map(Number);
  const batchSizes = (process.argv[4] ?? '1000,2000,5000,10000').split(',').map(Number);
  const server = process.env.TRACERY_NEO4J_URI
    ? undefined
    : await startTestServer({ heap: '4g', pageCacheMb: 1024 });
  const uri = process.env.TRACERY_NEO4J_URI ?? server!.uri;
  const driver = neo4j.driver(uri);
  const model = syntheticModel(elements, perElement);
  const rows = model.elementCount + model.relationCount;
  console.log(`model: ${model.elementCount} elements, ${model.relationCount} relations (${rows} rows)`);
  try {
    for (const batchSize of batchSizes) {
      const elementLabel = `Bench${batchSize}`;
      const started = performance.now();
      const result = await exportModel(driver, model, { elementLabel, batchSize, computeHash: false });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `batch ${batchSize}: first export ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s (${result.batches} batches)`,
      );
      const again = performance.now();
      await exportModel(driver, model, { elementLabel, batchSize, computeHash: false });
      const secondSeconds = (performance.now() - again) / 1000;
      console.log(
        `batch ${batchSize}: second (no-op) export ${secondSeconds.toFixed(2)} s, ${Math.round(rows / secondSeconds)} rows/s`,
      );
      if (batchSize === batchSizes[0]) {
        const pulled = performance.now();
        await pullModel(driver, defaultMetamodel(), { elementLabel });
        console.log(`pull: ${((performance.now() - pulled) / 1000).toFixed(2)} s`);
        const impact = performance.now();
        const hits = await queryImpact(driver, defaultMetamodel(), ['E-0000000'], {
          elementLabel,
          maxDepth: 3,
        });
        console.log(
          `impact from one element, depth 3: ${hits.length} hits in ${((performance.now() - impact) / 1000).toFixed(2)} s`,
        );
      }
      const session = driver.session();
      // CALL ... IN TRANSACTIONS needs an auto-commit transaction, which session.run gives.
      await session.run(
        `MATCH (n:${elementLabel}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
      );
      await session.close();
    }
  } finally {
    await driver.close();
    if (server) await stopTestServer(server);
  }
}

await main();
