import { fileURLToPath } from 'node:url';
import {
  computeImpact,
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

// The MHHS example repository, exported once, and every trace and impact answer in Cypher compared
// with the in-memory engine's, from a sample of elements of every kind.
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

const hits = (list: readonly { id: string; kind: string; depth: number }[]) =>
  list.map(({ id, kind, depth }) => ({ id, kind, depth }));

/** Every fifteenth element by id, and the first of every kind: about 45 starts from the ~520 elements. */
function starts(): string[] {
  const ids = [...loaded.model.elements()].map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firstOfKind = [...new Set([...loaded.model.elements()].map((e) => e.kind))].map(
    (kind) => [...loaded.model.idsOfKind(kind)].sort()[0]!,
  );
  return [...new Set([...ids.filter((_, i) => i % 15 === 0), ...firstOfKind])];
}

describe('on the MHHS example', () => {
  test('the export holds the whole model', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.model.elementCount).toBeGreaterThan(400);
  });

  test('unbounded downstream and upstream traces in Cypher equal the in-memory ones, paths included', async () => {
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
    // Not vacuous: unbounded traces reach most of the example from many starts.
    expect(compared).toBeGreaterThan(5000);
  }, 300_000);

  test("impact in Cypher equals the in-memory impact, with and without the example's stop kinds", async () => {
    const stopAtKinds = loaded.config.impact?.stopAtKinds ?? [];
    expect(stopAtKinds.length).toBeGreaterThan(0);
    let compared = 0;
    for (const id of starts()) {
      for (const options of [
        { maxDepth: 3 },
        { stopAtKinds, maxDepth: 3 },
        { maxDepth: 2, skipTypes: ['documentedIn'] },
      ]) {
        const expected = hits(computeImpact(loaded.model, [id], options).impacted);
        expect(
          hits(await queryImpact(driver, loaded.model.metamodel, [id], { ...scope, ...options })),
        ).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 240_000);
});
