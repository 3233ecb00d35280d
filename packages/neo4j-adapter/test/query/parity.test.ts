import { computeImpact, type Model, traceDownstream, traceUpstream } from '@tracery/core';
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

// Unbounded most of the time: the level-by-level walk has no depth it cannot reach.
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
  seeds: readonly string[],
  opts: { maxDepth?: number; types?: string[]; stopAtKinds?: string[] },
) {
  const { stopAtKinds: _, ...traceOptions } = opts;
  const seed = seeds[0]!;
  // Whole answers, paths included: the walk takes its steps in the in-memory engine's order.
  expect(await queryDownstream(driver, model.metamodel, seed, { ...scope, ...traceOptions })).toEqual(
    traceDownstream(model, seed, traceOptions),
  );
  expect(await queryUpstream(driver, model.metamodel, seed, { ...scope, ...traceOptions })).toEqual(
    traceUpstream(model, seed, traceOptions),
  );
  expect(await queryImpact(driver, model.metamodel, seeds, { ...scope, ...opts })).toEqual(
    computeImpact(model, seeds, opts),
  );
}

test('property: trace and impact from Neo4j are the in-memory answers, paths, follow-ups and parties included', async () => {
  await fc.assert(
    fc.asyncProperty(
      arbitraryModel(12),
      fc.option(options, { freq: 2 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      async (model, opts, picks) => {
        await clearLabel(driver, label);
        await exportModel(driver, model, { ...scope, computeHash: false });
        const ids = [...model.elements()].map((e) => e.id);
        const seeds = [...new Set(picks.map((p) => ids[p % ids.length]!))];
        await expectParity(model, seeds, opts ?? {});
      },
    ),
    { numRuns: 25 },
  );
}, 240_000);
