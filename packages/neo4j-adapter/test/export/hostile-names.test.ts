import { InvalidArgumentError, type KindDef, type RelationTypeDef } from '@tracery/core';
import { createMetamodel } from '@tracery/core/advanced';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { escapeName, relationshipTypeOf } from '../../src/cypher/cypher-name.js';
import { exportModel } from '../../src/export/export-model.js';
import { pullModel } from '../../src/pull/pull-model.js';
import { clearLabel, dropLabel, rows, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel, contentOf } from '../helpers/sample-model.js';

// Names a repository's config could hold, each trying a way out of a quoted identifier.
const KINDS = [
  'Back`tick',
  'With space',
  '}) DETACH DELETE n //',
  'x\\u0060) MATCH (m) DETACH DELETE m //',
  'Ünï 😀',
  `Quote's "double"`,
  'Brace} {x: 1}',
];
const TYPES = [
  'rel`type',
  'two words',
  '}]->() DETACH DELETE n //',
  'y\\u0060]->() MATCH (m) DETACH DELETE m //',
  `it's "quoted"`,
  'Ünï rel 😀',
];
const KEYS = [
  'key`with`ticks',
  'a key',
  '}) DETACH DELETE n //',
  'k\\u0060 SET n.x = 1',
  `k'ey "q"`,
  'clé ünï 😀',
];

const kind = (name: string): KindDef => ({ name, description: 'hostile', attributes: {} });
const relationType = (name: string): RelationTypeDef => ({
  name,
  inverse: `${name} (inverse)`,
  from: '*',
  to: '*',
  impact: { forward: 'propagate', backward: 'propagate' },
  description: 'hostile',
  attributes: {},
});

let driver: Driver;
const label = uniqueLabel('Hostile` }) DETACH DELETE n //');
const sentinel = uniqueLabel('Sentinel');

beforeAll(async () => {
  driver = testDriver();
  await driver.executeQuery(`CREATE (:${escapeName(sentinel, 'label')} {id: 'keep'})`);
});
afterAll(async () => {
  await dropLabel(driver, label);
  await clearLabel(driver, sentinel);
  await driver.close();
});

test('hostile kinds, relation types and attribute keys are stored exactly and harm nothing', async () => {
  const metamodel = createMetamodel(KINDS.map(kind), TYPES.map(relationType));
  const attributes = Object.fromEntries(KEYS.map((key, i) => [key, `value ${i} \`}) DETACH DELETE n //`]));
  const model = buildModel(
    KINDS.map((name, i) => ({ id: `E${i}`, kind: name, name: `}) DETACH DELETE n // ${i}`, attributes })),
    TYPES.map((type, i) => [`E${i}`, type, `E${i + 1}`, attributes] as const),
    metamodel,
  );

  await exportModel(driver, model, { elementLabel: label });
  const again = await exportModel(driver, model, { elementLabel: label });

  expect(again.nodes.unchanged).toBe(KINDS.length);
  expect(await rows(driver, `MATCH (n:${escapeName(sentinel, 'label')}) RETURN n.id AS id`)).toEqual([
    { id: 'keep' },
  ]);
  const L = escapeName(label, 'label');
  const nodes = await rows(
    driver,
    `MATCH (n:${L}) RETURN n.id AS id, labels(n) AS labels, keys(n) AS keys ORDER BY id`,
  );
  expect(nodes.map((n) => (n.labels as string[]).filter((l) => l !== label))).toEqual(KINDS.map((k) => [k]));
  for (const node of nodes) expect(node.keys).toEqual(expect.arrayContaining(KEYS));
  const types = await rows(
    driver,
    `MATCH (:${L})-[r]->(:${L}) RETURN type(r) AS type ORDER BY r.__tracery_hash`,
  );
  expect(types.map((t) => t.type).sort()).toEqual(TYPES.map(relationshipTypeOf).sort());
  const { model: pulled, diagnostics } = await pullModel(driver, metamodel, { elementLabel: label });
  expect(diagnostics).toEqual([]);
  expect(contentOf(pulled)).toEqual(contentOf(model));
});

test('names Neo4j cannot hold are refused before anything is written, each named with the element', async () => {
  const bad = ['Nul\u0000kind', 'Lone\ud800surrogate'];
  const metamodel = createMetamodel([...bad, 'Fine'].map(kind), [relationType('rel')]);
  const model = buildModel(
    [
      { id: 'B0', kind: bad[0]!, name: 'x', attributes: {} },
      { id: 'B1', kind: bad[1]!, name: 'y', attributes: {} },
      { id: 'B2', kind: 'Fine', name: 'z', attributes: { __tracery_hash: 'forged' } },
      { id: 'B3', kind: 'Fine', name: 'w', attributes: { 'ok\u0000key': 1 } },
      { id: 'B4', kind: 'Fine', name: 'v', attributes: {} },
    ],
    // A bad name on a relation alone: the relationships are planned while the nodes are written, so
    // their names must be checked with the nodes', before the first write.
    [['B4', 'rel', 'B3', { 'rel\u0000key': 1 }]],
    metamodel,
  );

  const error = await exportModel(driver, model, { elementLabel: label }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(InvalidArgumentError);
  const message = (error as Error).message;
  expect(message).toMatch(/5 name\(s\) cannot be stored in Neo4j/);
  expect(message).toMatch(/element "B0": kind: label "Nul\\u0000kind" holds a NUL character/);
  expect(message).toMatch(/element "B1": kind: .*lone UTF-16 surrogate/);
  expect(message).toMatch(/B2.*"__tracery_hash" starts with "__tracery", which Tracery keeps for itself/);
  expect(message).toMatch(/B3.*"ok\\u0000key" holds a NUL character/);
  expect(message).toMatch(/relation B4 -rel-> B3 attribute: .*"rel\\u0000key" holds a NUL character/);
  const B = escapeName(label, 'label');
  expect(await rows(driver, `MATCH (n:${B}) WHERE n.id STARTS WITH 'B' RETURN n.id AS id`)).toEqual([]);
});
