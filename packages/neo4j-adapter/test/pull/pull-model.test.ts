import { defaultMetamodel } from '@tracery/core';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { exportModel } from '../../src/export/export-model.js';
import { pullModel } from '../../src/pull/pull-model.js';
import { arbitraryModel } from '../helpers/arbitrary-model.js';
import { clearLabel, dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel, contentOf, sampleModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Pull');
const scope = { elementLabel: label };

beforeAll(() => {
  driver = testDriver();
});
beforeEach(() => clearLabel(driver, label));
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

describe('pullModel', () => {
  test('reads back the model that was exported, field for field', async () => {
    const model = sampleModel();
    await exportModel(driver, model, scope);

    const { model: pulled, diagnostics } = await pullModel(driver, defaultMetamodel(), scope);

    expect(diagnostics).toEqual([]);
    expect(contentOf(pulled)).toEqual(contentOf(model));
    expect(pulled.getElement('BP001-02').attributes.order).toBe(2);
    expect(pulled.getElement('SUP').tags).toEqual([]);
  });

  test('values Neo4j cannot hold natively come back through JSON exactly', async () => {
    const attributes = { nested: { a: [1, { b: null }] }, mixed: ['x', 2, true] } as unknown as Record<
      string,
      string
    >;
    const model = buildModel(
      [{ id: 'X-1', kind: 'Decision', attributes }],
      [['X-1', 'dependsOn', 'X-1', attributes]],
    );
    await exportModel(driver, model, scope);

    const { model: pulled } = await pullModel(driver, defaultMetamodel(), scope);

    expect(contentOf(pulled)).toEqual(contentOf(model));
  });

  test('reports what it cannot read as diagnostics instead of failing', async () => {
    const L = escapeName(label, 'label');
    await driver.executeQuery(
      `CREATE (:${L} {name: 'no id'}), (a:${L} {id: 'A', kind: 'Role', name: 'A', at: point({x: 1, y: 2})})-[:UNKNOWN_TYPE]->(a)`,
    );

    const { model, diagnostics } = await pullModel(driver, defaultMetamodel(), scope);

    expect(diagnostics.map((d) => [d.code, d.elementId])).toEqual([
      ['missing-field', undefined],
      ['invalid-value', 'A'],
      ['unknown-relation', 'A'],
    ]);
    expect(model.getElement('A').attributes).toEqual({});
  });

  test('property: export then pull gives the same elements and relations', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), async (model) => {
        await clearLabel(driver, label);
        await exportModel(driver, model, { ...scope, computeHash: false });
        const { model: pulled, diagnostics } = await pullModel(driver, defaultMetamodel(), scope);
        expect(diagnostics).toEqual([]);
        expect(contentOf(pulled)).toEqual(contentOf(model));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
