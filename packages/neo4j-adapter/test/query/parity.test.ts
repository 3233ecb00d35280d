import { computeImpact, defaultMetamodel, type Model, traceDownstream, traceUpstream } from '@tracery/core';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportModel } from '../../src/export/export-model.js';
import { queryImpact } from '../../src/query/query-impact.js';
import { queryDownstream, queryUpstream } from '../../src/query/query-trace.js';
import { arbitraryModel } from '../helpers/arbitrary-model.js';
import { clearLabel, dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';

let driver: Driver;
const label = uniqueLabel('Parity');
const scope = { elementLabel: label };

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

const hits = (list: readonly { id: string; kind: string; depth: number }[]) =>
  list.map(({ id, kind, depth }) => ({ id, kind, depth }));

const options = fc.record(
  {
    maxDepth: fc.integer({ min: 0, max: 4 }),
    types: fc.subarray(['partOf', 'hasPart', 'sends', 'carriedBy', 'dependsOn', 'verifies', 'documentedIn']),
    stopAtKinds: fc.subarray(['Interface', 'Requirement', 'ProcessStep']),
  },
  { requiredKeys: [] },
);

async function expectParity(
  model: Model,
  seed: string,
  opts: { maxDepth?: number; types?: string[]; stopAtKinds?: string[] },
) {
  const { stopAtKinds: _, ...traceOptions } = opts;
  // Whole hits, paths included: the level walk takes its steps in the in-memory walk's order.
  expect(await queryDownstream(driver, model.metamodel, seed, { ...scope, ...traceOptions })).toEqual(
    traceDownstream(model, seed, traceOptions),
  );
  expect(await queryUpstream(driver, model.metamodel, seed, { ...scope, ...traceOptions })).toEqual(
    traceUpstream(model, seed, traceOptions),
  );
  expect(hits(await queryImpact(driver, model.metamodel, [seed], { ...scope, ...opts }))).toEqual(
    hits(computeImpact(model, [seed], opts).impacted),
  );
}

test('property: trace and impact in Cypher give the in-memory engine answers on generated models', async () => {
  await fc.assert(
    fc.asyncProperty(arbitraryModel(12), options, fc.nat(), async (model, opts, pick) => {
      await clearLabel(driver, label);
      await exportModel(driver, model, { ...scope, computeHash: false });
      const ids = [...model.elements()].map((e) => e.id);
      await expectParity(model, ids[pick % ids.length]!, opts);
    }),
    { numRuns: 20 },
  );
}, 180_000);

test('the default metamodel is what the generated models use', () => {
  expect(defaultMetamodel().relationTypes.size).toBeGreaterThan(0);
});
