import { fileURLToPath } from 'node:url';
import {
  computeImpact,
  impactOptionsFromConfig,
  type LoadedRepository,
  loadRepository,
  traceDownstream,
  traceUpstream,
} from '@tracery/core';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportModel } from '../../src/export/export-model.js';
import { queryImpact } from '../../src/query/query-impact.js';
import { queryDownstream, queryUpstream } from '../../src/query/query-trace.js';
import { dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';

// The MHHS example repository, exported once, and trace and impact from Neo4j compared with the
// in-memory engine's, unbounded, from a sample of elements of every kind.
const MHHS = fileURLToPath(new URL('../../../examples/mhhs', import.meta.url));
const label = uniqueLabel('Mhhs');
const scope = { elementLabel: label };
let driver: Driver;
let loaded: LoadedRepository;

beforeAll(async () => {
  driver = testDriver();
  loaded = await loadRepository(MHHS);
  await exportModel(driver, loaded.model, { ...scope, computeHash: false });
});
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

/** Every twelfth element by id, and the first of every kind: about 55 starts from the ~520 elements. */
function starts(): string[] {
  const ids = [...loaded.model.elements()].map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firstOfKind = [...new Set([...loaded.model.elements()].map((e) => e.kind))].map(
    (kind) => [...loaded.model.idsOfKind(kind)].sort()[0]!,
  );
  return [...new Set([...ids.filter((_, i) => i % 12 === 0), ...firstOfKind])];
}

describe('on the MHHS example', () => {
  test('the export holds the whole model', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.model.elementCount).toBeGreaterThan(400);
  });

  test('unbounded downstream and upstream traces from Neo4j equal the in-memory ones, paths included', async () => {
    let compared = 0;
    for (const id of starts()) {
      for (const options of [{}, { types: ['partOf', 'hasPart', 'sends', 'carries', 'satisfies'] }]) {
        const down = traceDownstream(loaded.model, id, options);
        expect(await queryDownstream(driver, loaded.model.metamodel, id, { ...scope, ...options })).toEqual(
          down,
        );
        const up = traceUpstream(loaded.model, id, options);
        expect(await queryUpstream(driver, loaded.model.metamodel, id, { ...scope, ...options })).toEqual(up);
        compared += down.length + up.length;
      }
    }
    // Not vacuous: unbounded traces reach thousands of elements in all.
    expect(compared).toBeGreaterThan(5000);
  }, 300_000);

  test("unbounded impact from Neo4j equals the in-memory impact with the example's tracery.yaml settings", async () => {
    const settings = impactOptionsFromConfig(loaded.config);
    let compared = 0;
    for (const id of starts()) {
      for (const options of [settings, { ...settings, skipTypes: ['documentedIn'] }]) {
        const expected = computeImpact(loaded.model, [id], options);
        expect(await queryImpact(driver, loaded.model.metamodel, [id], { ...scope, ...options })).toEqual(
          expected,
        );
        compared += expected.impacted.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
  }, 300_000);
});
