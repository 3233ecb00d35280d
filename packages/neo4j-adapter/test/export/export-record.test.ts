import { InvalidArgumentError } from '@tracery/core';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { exportModel } from '../../src/export/export-model.js';
import { graphHash } from '../../src/export/graph-hash.js';
import { EXPORT_RECORD_LABEL } from '../../src/export/graph-scope.js';
import { pullModel } from '../../src/pull/pull-model.js';
import { clearLabel, dropLabel, rows, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { contentOf, sampleModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Record');
const L = escapeName(label, 'label');
const options = { elementLabel: label };

beforeAll(() => {
  driver = testDriver();
});
beforeEach(() => clearLabel(driver, label));
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

const nothingWritten = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
  labelsRemoved: 0,
};

describe('the export record (a re-export with nothing to change)', () => {
  test('a second run of the same model is skipped: no row compared, nothing written, the same graph', async () => {
    const first = await exportModel(driver, sampleModel(), options);
    const second = await exportModel(driver, sampleModel(), options);

    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(true);
    expect(second.nodes).toEqual({ created: 0, updated: 0, unchanged: 8, deleted: 0 });
    expect(second.relationships).toEqual({ created: 0, updated: 0, unchanged: 8, deleted: 0 });
    expect(second.writes).toEqual(nothingWritten);
    expect(second.hash).toBe(first.hash);
  });

  test('a changed model is not skipped, and its export is recorded in turn', async () => {
    await exportModel(driver, sampleModel(), options);
    const changed = sampleModel();
    changed.putElement({ id: 'SUP', kind: 'Role', name: 'Supplier (renamed)', attributes: {} });

    const third = await exportModel(driver, changed, options);
    const fourth = await exportModel(driver, changed, options);

    expect(third.skipped).toBe(false);
    expect(third.nodes.updated).toBe(1);
    expect(fourth.skipped).toBe(true);
  });

  test('a node deleted by hand changes the counts: the next run compares rows and puts it back', async () => {
    const first = await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(`MATCH (n:${L} {id: 'BP001-01'}) DETACH DELETE n`);

    const repaired = await exportModel(driver, sampleModel(), options);

    expect(repaired.skipped).toBe(false);
    expect(repaired.nodes.created).toBe(1);
    expect(repaired.relationships.created).toBeGreaterThan(0);
    expect(repaired.hash).toBe(first.hash);
  });

  test('a relationship added by hand is not taken for the model: rows are compared, it is left alone', async () => {
    await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(`MATCH (a:${L} {id: 'SUP'}), (b:${L} {id: 'TC-1'}) CREATE (a)-[:LIKES]->(b)`);

    const again = await exportModel(driver, sampleModel(), { ...options, prune: true });

    expect(again.skipped).toBe(false);
    expect(again.writes).toEqual(nothingWritten);
    expect(await rows(driver, `MATCH (:${L})-[r:LIKES]->(:${L}) RETURN count(r) AS n`)).toEqual([{ n: 1 }]);
  });

  test('verify never trusts the record: a name edited in the database is repaired', async () => {
    const first = await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(`MATCH (n:${L} {id: 'SUP'}) SET n.name = 'edited by hand'`);

    const trusting = await exportModel(driver, sampleModel(), options);
    const verified = await exportModel(driver, sampleModel(), { ...options, verify: true });

    expect(trusting.skipped).toBe(true);
    expect(verified.skipped).toBe(false);
    expect(verified.nodes.updated).toBe(1);
    expect(verified.hash).toBe(first.hash);
    const { model } = await pullModel(driver, sampleModel().metamodel, options);
    expect(contentOf(model)).toEqual(contentOf(sampleModel()));
  });

  test('a run that writes clears the record first, so a run that stops half-way leaves none', async () => {
    await exportModel(driver, sampleModel(), options);
    const changed = sampleModel();
    changed.putElement({ id: 'SUP', kind: 'Role', name: 'Supplier (renamed)', attributes: {} });
    const record = () =>
      rows(driver, `MATCH (m:${EXPORT_RECORD_LABEL} {label: $label}) RETURN m.modelHash AS hash`, { label });
    const recorded = (await record())[0]?.hash;
    let during: unknown = 'not seen';

    await exportModel(driver, changed, {
      ...options,
      onProgress: async ({ phase }) => {
        if (phase === 'nodes' && during === 'not seen') during = (await record())[0]?.hash;
      },
    });

    expect(typeof recorded).toBe('string');
    expect(during).toBeNull();
    const after = (await record())[0]?.hash;
    expect(typeof after).toBe('string');
    expect(after).not.toBe(recorded);
  });

  test('skipUnchanged: false compares every row, as before the record existed', async () => {
    await exportModel(driver, sampleModel(), options);
    const again = await exportModel(driver, sampleModel(), { ...options, skipUnchanged: false });

    expect(again.skipped).toBe(false);
    expect(again.nodes.unchanged).toBe(8);
    expect(again.writes).toEqual(nothingWritten);
    expect(await graphHash(driver, options)).toBe(again.hash);
  });

  test("the record's label cannot be an element label", async () => {
    await expect(exportModel(driver, sampleModel(), { elementLabel: EXPORT_RECORD_LABEL })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
