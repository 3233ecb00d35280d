import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KindDef, Model, RelationTypeDef } from '@tracery/core';
import { createMetamodel } from '@tracery/core/advanced';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeImportCsv } from '../../src/bulk/write-import-csv.js';
import { openDriver } from '../../src/connection/connection.js';
import { escapeName } from '../../src/cypher/cypher-name.js';
import { exportModel } from '../../src/export/export-model.js';
import { pullModel } from '../../src/pull/pull-model.js';
import { importIntoTestServer } from '../../src/server/import-into-test-server.js';
import { startTestServer, stopTestServer, type TestServer } from '../../src/server/test-server.js';
import { dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel, contentOf } from '../helpers/sample-model.js';

// The bulk path end to end: CSV files written by writeImportCsv, read by Neo4j's own importer
// (neo4j-admin database import full, from the Neo4j 5.26 the test server runs), served by a test
// server started on the imported data folder, and read back.

const kind = (name: string): KindDef => ({ name, description: 'csv', attributes: {} });
const relationType = (name: string): RelationTypeDef => ({
  name,
  inverse: `${name} (inverse)`,
  from: '*',
  to: '*',
  impact: { forward: 'propagate', backward: 'none' },
  description: 'csv',
  attributes: {},
});

const KINDS = ['Process', 'With space', `Quote's "kind"`, 'Ünï 😀', 'Brace}'];
const TYPES = ['partOf', `it's "rel"`, 'two words'];

/** Values the CSV format has to carry: quotes, delimiters, line breaks, empty strings, types. */
function hostileModel(): Model {
  const metamodel = createMetamodel(KINDS.map(kind), TYPES.map(relationType));
  return buildModel(
    [
      {
        id: 'P-1',
        kind: 'Process',
        name: 'Registration, "new"; \\ back\\slash',
        description: 'Line one\nline two\r\nline "three",',
        tags: ['core', 'has "quote"', 'comma, inside'],
        status: 'approved',
      },
      { id: 'S-1', kind: 'With space', name: '', attributes: { order: 9_007_199_254_740_991, ratio: -0.5 } },
      {
        id: 'Q-1',
        kind: `Quote's "kind"`,
        name: '   padded   ',
        attributes: { flag: false, list: ['1', '2', '3'] },
      },
      {
        id: 'U-1',
        kind: 'Ünï 😀',
        name: 'Ünïcödé 😀 名前',
        tags: ['semi;colon'],
        attributes: { 'key with space': 'v', 'ke`y "q"': ['a', ''], empty: '' },
      },
      { id: 'B-1', kind: 'Brace}', name: '}) DETACH DELETE n //', tags: [] },
    ],
    [
      ['S-1', 'partOf', 'P-1', { note: 'first; step, "quoted"\nnext line' }],
      ['Q-1', 'partOf', 'P-1'],
      ['U-1', `it's "rel"`, 'Q-1', { weight: 2 }],
      ['B-1', 'two words', 'U-1', { empty: '' }],
    ],
    metamodel,
  );
}

/** Each node's labels (sorted), properties and outgoing relationships, by id. */
async function dump(d: Driver, elementLabel: string): Promise<Record<string, unknown>[]> {
  const L = escapeName(elementLabel, 'label');
  const result = await d.executeQuery(
    `MATCH (n:${L}) OPTIONAL MATCH (n)-[r]->(:${L})
     WITH n, r ORDER BY type(r)
     RETURN n.id AS id, n.tags AS tags, labels(n) AS labels, properties(n) AS props,
            collect([type(r), properties(r)]) AS out ORDER BY id`,
  );
  return result.records.map((record) => {
    const row = JSON.parse(JSON.stringify(record.toObject())) as Record<string, unknown>;
    return { ...row, labels: (row.labels as string[]).sort() };
  });
}

let driver: Driver;
let server: TestServer | undefined;
let folder = '';
const label = uniqueLabel('Csv');

beforeAll(async () => {
  driver = testDriver();
  folder = await mkdtemp(join(tmpdir(), 'tracery-admin-import-'));
});
afterAll(async () => {
  if (server) await stopTestServer(server);
  await dropLabel(driver, label);
  await driver.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

test('neo4j-admin imports the CSV files into the graph exportModel writes (lists it cannot carry aside), read back exactly', async () => {
  const model = hostileModel();
  const written = await writeImportCsv(model, join(folder, 'csv'), { elementLabel: label });
  // A semicolon in a tag makes the writer choose another array delimiter, and say so.
  expect(written.arrayDelimiter).toBe('|');

  await importIntoTestServer({ dataDir: join(folder, 'data'), arguments: written.arguments });
  server = await startTestServer({ dataDir: join(folder, 'data'), heap: '1g' });
  const imported = openDriver({ uri: server.uri }).driver;
  try {
    const { model: pulled, diagnostics } = await pullModel(imported, model.metamodel, {
      elementLabel: label,
    });
    expect(diagnostics).toEqual([]);
    expect(contentOf(pulled)).toEqual(contentOf(model));

    // The graph is the one exportModel writes through Bolt, row for row and hash for hash, but for
    // the two nodes holding an empty list or a list with an empty item: the importer cannot write
    // those (an empty field is no value, an empty item vanishes), so the writer stores them as JSON
    // text, listed in __tracery_json, which reads back as the same list.
    const viaBolt = await exportModel(driver, model, { elementLabel: label });
    const boltRows = await dump(driver, label);
    const importedRows = await dump(imported, label);
    const listed = (row: Record<string, unknown>) => row.id === 'B-1' || row.id === 'U-1';
    expect(importedRows.filter((row) => !listed(row))).toEqual(boltRows.filter((row) => !listed(row)));
    const props = (id: string) => importedRows.find((row) => row.id === id)?.props as Record<string, unknown>;
    expect(props('B-1')).toMatchObject({ tags: '[]', __tracery_json: ['tags'] });
    expect(props('U-1')).toMatchObject({ 'ke`y "q"': '["a",""]', __tracery_json: ['ke`y "q"'] });

    // So an export onto the imported graph rewrites those two nodes and nothing else, and then the
    // two graphs hash alike.
    const again = await exportModel(imported, model, { elementLabel: label });
    expect(again.nodes).toEqual({ created: 0, updated: 2, unchanged: 3, deleted: 0 });
    expect(again.relationships).toEqual({ created: 0, updated: 0, unchanged: 4, deleted: 0 });
    expect(again.writes.nodesCreated + again.writes.relationshipsCreated).toBe(0);
    expect(again.hash).toBe(viaBolt.hash);
  } finally {
    await imported.close();
  }
}, 600_000);
