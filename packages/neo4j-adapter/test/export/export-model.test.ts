import { InvalidArgumentError } from '@tracery/core';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { type ExportProgress, exportModel } from '../../src/export/export-model.js';
import { graphHash } from '../../src/export/graph-hash.js';
import { clearLabel, dropLabel, rows, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel, sampleModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Export');
const L = escapeName(label, 'label');
const scope = { elementLabel: label };

beforeAll(() => {
  driver = testDriver();
});
beforeEach(() => clearLabel(driver, label));
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

describe.each(['diff', 'merge'] as const)('exportModel, writing by %s', (writeMode) => {
  const options = { ...scope, writeMode };

  test('writes each element as a node with the element label and its kind, its fields flattened', async () => {
    const result = await exportModel(driver, sampleModel(), options);

    expect(result.nodes).toEqual({ created: 8, updated: 0, unchanged: 0, deleted: 0 });
    const [bp] = await rows(
      driver,
      `MATCH (n:${L} {id: 'BP001'}) RETURN labels(n) AS labels, properties(n) AS p`,
    );
    expect((bp?.labels as string[] | undefined)?.sort()).toEqual(['BusinessProcess', label].sort());
    expect(bp?.p).toMatchObject({
      id: 'BP001',
      kind: 'BusinessProcess',
      name: 'Registration',
      status: 'approved',
      tranche: 'T1',
      tags: ['core', 'mhhs'],
    });
    const [step] = await rows(
      driver,
      `MATCH (n:${L}:ProcessStep {id: 'BP001-01'}) RETURN n.order AS order, n.stepType AS stepType`,
    );
    expect(step).toEqual({ order: 1, stepType: 'task' });
  });

  test('stores integer attributes as integers and other numbers as floats', async () => {
    await exportModel(driver, sampleModel(), options);

    const raw = await driver.executeQuery(
      `MATCH (s:${L} {id: 'BP001-02'}), (d:${L} {id: 'DI-0102'}), (t:${L} {id: 'TC-1'}) RETURN s.order AS order, d.length AS length, t.weight AS weight`,
    );
    const record = raw.records[0]!;
    expect(neo4j.isInt(record.get('order'))).toBe(true);
    expect(neo4j.isInt(record.get('length'))).toBe(true);
    expect(record.get('weight')).toBe(0.5);
  });

  test('writes each relation as a relationship typed in upper snake case, with its attributes', async () => {
    const result = await exportModel(driver, sampleModel(), options);

    expect(result.relationships).toEqual({ created: 8, updated: 0, unchanged: 0, deleted: 0 });
    const found = await rows(
      driver,
      `MATCH (s:${L})-[r]->(t:${L}) RETURN s.id AS s, type(r) AS type, t.id AS t, r.note AS note ORDER BY s, type, t`,
    );
    expect(found).toEqual([
      { s: 'BP001', type: 'SATISFIES', t: 'REQ-1', note: null },
      { s: 'BP001-01', type: 'FLOWS_TO', t: 'BP001-02', note: 'then' },
      { s: 'BP001-01', type: 'PART_OF', t: 'BP001', note: null },
      { s: 'BP001-01', type: 'SENDS', t: 'IF-021', note: null },
      { s: 'BP001-02', type: 'PART_OF', t: 'BP001', note: null },
      { s: 'IF-021', type: 'CARRIES', t: 'DI-0102', note: null },
      { s: 'SUP', type: 'PERFORMS', t: 'BP001', note: null },
      { s: 'TC-1', type: 'VERIFIES', t: 'REQ-1', note: null },
    ]);
  });

  test('a second run of the same model changes nothing: zero counts, zero writes, the same hash', async () => {
    const first = await exportModel(driver, sampleModel(), { ...options, batchSize: 3 });
    const second = await exportModel(driver, sampleModel(), { ...options, batchSize: 3 });

    expect(second.nodes).toEqual({ created: 0, updated: 0, unchanged: 8, deleted: 0 });
    expect(second.relationships).toEqual({ created: 0, updated: 0, unchanged: 8, deleted: 0 });
    expect(second.writes).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
      labelsAdded: 0,
      labelsRemoved: 0,
    });
    expect(second.hash).toBe(first.hash);
    expect(await graphHash(driver, options)).toBe(first.hash);
  });

  test('a changed element is updated in place, and a changed kind moves its label', async () => {
    await exportModel(driver, sampleModel(), options);
    const changed = sampleModel();
    changed.putElement({
      id: 'IF-021',
      kind: 'Interface',
      name: 'Consumption data v2',
      attributes: { channel: 'API' },
    });
    changed.putElement({ id: 'SUP', kind: 'Service', name: 'Supplier service', attributes: {} });

    const result = await exportModel(driver, changed, options);

    expect(result.nodes).toEqual({ created: 0, updated: 2, unchanged: 6, deleted: 0 });
    const found = await rows(
      driver,
      `MATCH (n:${L}) WHERE n.id IN ['IF-021', 'SUP'] RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id`,
    );
    expect(found.map((r) => (r.labels as string[]).sort())).toEqual([
      ['Interface', label].sort(),
      ['Service', label].sort(),
    ]);
    expect(found[0]?.p).not.toHaveProperty('owner');
    expect(found[0]?.p).not.toHaveProperty('version');
    expect(found[0]?.p).toMatchObject({ name: 'Consumption data v2', channel: 'API' });
  });

  test('without prune, what the model no longer holds stays; with prune, it goes', async () => {
    await exportModel(driver, sampleModel(), options);
    const smaller = sampleModel();
    smaller.removeElement('TC-1');
    smaller.removeRelation({ source: 'BP001-01', type: 'flowsTo', target: 'BP001-02' });

    const kept = await exportModel(driver, smaller, options);
    expect(kept.nodes.deleted).toBe(0);
    expect(await rows(driver, `MATCH (n:${L}) RETURN count(n) AS n`)).toEqual([{ n: 8 }]);

    const pruned = await exportModel(driver, smaller, { ...options, prune: true });
    expect(pruned.nodes.deleted).toBe(1);
    expect(pruned.relationships.deleted).toBe(2);
    expect(await rows(driver, `MATCH (n:${L}) RETURN count(n) AS n`)).toEqual([{ n: 7 }]);
    expect(await rows(driver, `MATCH (:${L})-[r]->(:${L}) RETURN count(r) AS n`)).toEqual([{ n: 6 }]);
    expect(await rows(driver, `MATCH (:${L})-[r:FLOWS_TO]->(:${L}) RETURN count(r) AS n`)).toEqual([
      { n: 0 },
    ]);
  });

  test('a relation without attributes is a relationship without properties; one with attributes carries them and their hash', async () => {
    await exportModel(driver, sampleModel(), options);

    const found = await rows(
      driver,
      `MATCH (s:${L})-[r]->(t:${L}) RETURN s.id AS s, type(r) AS type, keys(r) AS keys ORDER BY s, type`,
    );
    expect(found.filter((r) => r.type === 'FLOWS_TO')).toEqual([
      { s: 'BP001-01', type: 'FLOWS_TO', keys: expect.arrayContaining(['note', '__tracery_hash']) },
    ]);
    expect(found.filter((r) => r.type !== 'FLOWS_TO').map((r) => r.keys)).toEqual(Array(7).fill([]));
  });

  test('a relation that gains or loses its attributes is updated, and then left alone', async () => {
    await exportModel(driver, sampleModel(), options);
    const changed = sampleModel();
    changed.removeRelation({ source: 'BP001-01', type: 'flowsTo', target: 'BP001-02' });
    changed.addRelation({ source: 'BP001-01', type: 'flowsTo', target: 'BP001-02', attributes: {} });
    changed.removeRelation({ source: 'SUP', type: 'performs', target: 'BP001' });
    changed.addRelation({ source: 'SUP', type: 'performs', target: 'BP001', attributes: { note: 'lead' } });

    const result = await exportModel(driver, changed, options);

    expect(result.relationships).toEqual({ created: 0, updated: 2, unchanged: 6, deleted: 0 });
    const props = async (type: string) =>
      (await rows(driver, `MATCH (:${L})-[r:${type}]->(:${L}) RETURN properties(r) AS p`))[0]?.p;
    expect(await props('FLOWS_TO')).toEqual({});
    expect(await props('PERFORMS')).toMatchObject({ note: 'lead' });
    expect(await props('PERFORMS')).toHaveProperty('__tracery_hash');
    const again = await exportModel(driver, changed, { ...options, skipUnchanged: false });
    expect(again.relationships).toEqual({ created: 0, updated: 0, unchanged: 8, deleted: 0 });
    expect(again.writes.propertiesSet).toBe(0);
  });

  test('a relationship without attributes that carries a hash (as exports before wrote every one) loses it', async () => {
    const first = await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(
      `MATCH (:${L} {id: 'SUP'})-[r:PERFORMS]->() SET r.__tracery_hash = 'of no attributes'`,
    );

    const result = await exportModel(driver, sampleModel(), { ...options, skipUnchanged: false });

    expect(result.relationships).toEqual({ created: 0, updated: 1, unchanged: 7, deleted: 0 });
    expect(await rows(driver, `MATCH (:${L})-[r:PERFORMS]->() RETURN properties(r) AS p`)).toEqual([
      { p: {} },
    ]);
    expect(result.hash).toBe(first.hash);
  });

  test("prune deletes a relationship of a metamodel type between the label's nodes that the model lacks, hash or none", async () => {
    const first = await exportModel(driver, sampleModel(), options);
    // Made by hand, without properties: verifies is a relation type of the metamodel, so the
    // relationship belongs to the export, as the nodes under its label do.
    await driver.executeQuery(
      `MATCH (a:${L} {id: 'TC-1'}), (b:${L} {id: 'BP001'}) CREATE (a)-[:VERIFIES]->(b)`,
    );

    const kept = await exportModel(driver, sampleModel(), options);
    expect(kept.relationships.deleted).toBe(0);
    const pruned = await exportModel(driver, sampleModel(), { ...options, prune: true });

    expect(pruned.relationships.deleted).toBe(1);
    expect(await rows(driver, `MATCH (:${L})-[r:VERIFIES]->(:${L}) RETURN count(r) AS n`)).toEqual([
      { n: 1 },
    ]);
    expect(kept.hash).not.toBe(first.hash);
    expect(pruned.hash).toBe(first.hash);
  });

  test('prune deletes a duplicate of a relationship without attributes', async () => {
    const first = await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(`MATCH (a:${L} {id: 'SUP'})-[:PERFORMS]->(b) CREATE (a)-[:PERFORMS]->(b)`);

    const pruned = await exportModel(driver, sampleModel(), { ...options, prune: true });

    expect(pruned.relationships.deleted).toBe(1);
    expect(pruned.hash).toBe(first.hash);
  });

  test('prune leaves relationships of types the metamodel does not have (added by hand)', async () => {
    await exportModel(driver, sampleModel(), options);
    await driver.executeQuery(`MATCH (a:${L} {id: 'SUP'}), (b:${L} {id: 'TC-1'}) CREATE (a)-[:LIKES]->(b)`);

    const pruned = await exportModel(driver, sampleModel(), { ...options, prune: true });

    expect(pruned.relationships.deleted).toBe(0);
    expect(await rows(driver, `MATCH (:${L})-[r:LIKES]->(:${L}) RETURN count(r) AS n`)).toEqual([{ n: 1 }]);
  });

  test('reports progress after every batch, ending at the totals', async () => {
    const events: ExportProgress[] = [];
    await exportModel(driver, sampleModel(), {
      ...options,
      batchSize: 2,
      onProgress: (p) => void events.push(p),
    });

    const nodes = events.filter((e) => e.phase === 'nodes');
    expect(nodes.at(-1)).toEqual({ phase: 'nodes', done: 8, total: 8 });
    // 8 elements over 7 kinds in batches of 2: one batch per kind, so 7 batches after the start.
    expect(nodes).toHaveLength(8);
    expect(events.filter((e) => e.phase === 'relationships').at(-1)).toEqual({
      phase: 'relationships',
      done: 8,
      total: 8,
    });
    expect(events.map((e) => e.phase).filter((p, i, all) => all.indexOf(p) === i)).toEqual([
      'schema',
      ...(writeMode === 'diff' ? ['read'] : []),
      'nodes',
      'relationships',
      'hash',
    ]);
  });

  test('creates the id constraint and the indexes once, however often it runs', async () => {
    await exportModel(driver, sampleModel(), options);
    await exportModel(driver, sampleModel(), options);

    const constraints = await rows(
      driver,
      'SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type WHERE $label IN labelsOrTypes RETURN name, properties, type',
      { label },
    );
    expect(constraints).toEqual([{ name: `tracery_${label}_id`, properties: ['id'], type: 'UNIQUENESS' }]);
    const indexes = await rows(
      driver,
      'SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint WHERE $label IN labelsOrTypes AND owningConstraint IS NULL RETURN name ORDER BY name',
      { label },
    );
    expect(indexes).toEqual([{ name: `tracery_${label}_kind` }, { name: `tracery_${label}_name` }]);
  });

  test('refuses a bad batch size before it touches the database', async () => {
    await expect(exportModel(driver, sampleModel(), { ...options, batchSize: 0 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(await rows(driver, `MATCH (n:${L}) RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
  });

  test('an empty model exports to an empty graph', async () => {
    const result = await exportModel(driver, buildModel([], []), options);

    expect(result.nodes.created).toBe(0);
    expect(result.batches).toBe(0);
  });
});
