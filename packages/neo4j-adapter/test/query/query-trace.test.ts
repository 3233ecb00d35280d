import {
  createMetamodel,
  DEFAULT_KINDS,
  DEFAULT_RELATION_TYPES,
  defaultMetamodel,
  InvalidArgumentError,
  NotFoundError,
} from '@tracery/core';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportModel } from '../../src/export/export-model.js';
import { queryDownstream, queryImpact, queryUpstream } from '../../src/query/query-trace.js';
import { dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Trace');
const scope = { elementLabel: label };

// SVC-1 -sends-> IF-1 -carries-> DI-1      IF-1 -documentedIn-> ART-1     TC-1 -verifies-> IF-1
// SVC-1 -performs-> PS-1 -flowsTo-> PS-2 -flowsTo-> PS-1     IF-1 -satisfies-> REQ-1 -governedBy-> PR-1
const graph = () =>
  buildModel(
    [
      { id: 'SVC-1', kind: 'Service' },
      { id: 'IF-1', kind: 'Interface' },
      { id: 'DI-1', kind: 'DataItem' },
      { id: 'ART-1', kind: 'Artefact' },
      { id: 'TC-1', kind: 'TestCase' },
      { id: 'PS-1', kind: 'ProcessStep' },
      { id: 'PS-2', kind: 'ProcessStep' },
      { id: 'REQ-1', kind: 'Requirement' },
      { id: 'PR-1', kind: 'Principle' },
    ],
    [
      ['SVC-1', 'sends', 'IF-1'],
      ['IF-1', 'carries', 'DI-1'],
      ['IF-1', 'documentedIn', 'ART-1'],
      ['TC-1', 'verifies', 'IF-1'],
      ['SVC-1', 'performs', 'PS-1'],
      ['PS-1', 'flowsTo', 'PS-2'],
      ['PS-2', 'flowsTo', 'PS-1'],
      ['IF-1', 'satisfies', 'REQ-1'],
      ['REQ-1', 'governedBy', 'PR-1'],
    ],
  );

beforeAll(async () => {
  driver = testDriver();
  await exportModel(driver, graph(), scope);
});
afterAll(async () => {
  await dropLabel(driver, label);
  await driver.close();
});

const mm = defaultMetamodel();

describe('queryDownstream and queryUpstream', () => {
  test.each([
    ['SVC-1', {}, 'ART-1:2 DI-1:2 IF-1:1 PR-1:3 PS-1:1 PS-2:2 REQ-1:2'],
    ['SVC-1', { types: ['sends', 'carries'] }, 'DI-1:2 IF-1:1'],
    ['SVC-1', { maxDepth: 1 }, 'IF-1:1 PS-1:1'],
    ['PS-1', { types: ['flowsTo'] }, 'PS-2:1'],
    ['PR-1', {}, ''],
    ['SVC-1', { types: [] }, ''],
    ['SVC-1', { maxDepth: 0 }, ''],
    ['IF-1', { types: ['sentBy'] }, 'SVC-1:1'],
    ['IF-1', { direction: 'both', maxDepth: 1 }, 'ART-1:1 DI-1:1 REQ-1:1 SVC-1:1 TC-1:1'],
    ['SVC-1', { kinds: ['Requirement', 'Principle'] }, 'PR-1:3 REQ-1:2'],
  ] as const)('downstream of %s with %j', async (id, options, expected) => {
    const hits = await queryDownstream(driver, mm, id, { ...scope, ...options });
    expect(hits.map((h) => `${h.id}:${h.depth}`).join(' ')).toBe(expected);
  });

  test.each([
    ['REQ-1', {}, 'IF-1:1 SVC-1:2 TC-1:2'],
    ['PR-1', { maxDepth: 2 }, 'IF-1:2 REQ-1:1'],
    ['DI-1', { types: ['carries'] }, 'IF-1:1'],
  ] as const)('upstream of %s with %j', async (id, options, expected) => {
    const hits = await queryUpstream(driver, mm, id, { ...scope, ...options });
    expect(hits.map((h) => `${h.id}:${h.depth}`).join(' ')).toBe(expected);
  });

  test('an unknown start is a NotFoundError, an unknown relation name an InvalidArgumentError naming it', async () => {
    await expect(queryDownstream(driver, mm, 'NOPE', scope)).rejects.toBeInstanceOf(NotFoundError);
    await expect(queryDownstream(driver, mm, 'SVC-1', { ...scope, types: ['send'] })).rejects.toThrow(
      new InvalidArgumentError('options.types: unknown relation name "send".'),
    );
  });

  test('each hit carries the kind of the element reached', async () => {
    expect(await queryDownstream(driver, mm, 'IF-1', { ...scope, types: ['carries'] })).toEqual([
      { id: 'DI-1', kind: 'DataItem', depth: 1 },
    ]);
  });
});

describe('queryImpact', () => {
  test.each([
    // carries propagates target -> source, sends both ways, documentedIn source -> target,
    // verifies target -> source, performs both ways, flowsTo not at all; governedBy target -> source.
    [['DI-1'], {}, 'ART-1:2 IF-1:1 PS-1:3 REQ-1:2 SVC-1:2 TC-1:2'],
    [['PR-1'], {}, 'ART-1:3 IF-1:2 PS-1:4 REQ-1:1 SVC-1:3 TC-1:3'],
    [['PR-1'], { maxDepth: 2 }, 'IF-1:2 REQ-1:1'],
    [['ART-1'], {}, ''],
    [['PS-2'], {}, ''],
    [['DI-1', 'IF-1'], { maxDepth: 1 }, 'ART-1:1 REQ-1:1 SVC-1:1 TC-1:1'],
    [['DI-1'], { stopAtKinds: ['Interface'] }, 'IF-1:1'],
    [['DI-1'], { skipTypes: ['sends'] }, 'ART-1:2 IF-1:1 REQ-1:2 TC-1:2'],
    [['DI-1'], { types: ['carriedBy', 'sends'] }, 'IF-1:1 SVC-1:2'],
    [['DI-1'], { maxDepth: 0 }, ''],
  ])('a change at %j with %j reaches %s', async (changed, options, expected) => {
    const hits = await queryImpact(driver, mm, changed, { ...scope, ...options });
    expect(hits.map((h) => `${h.id}:${h.depth}`).join(' ')).toBe(expected);
  });

  test('the propagation rules come from the metamodel: a relation type set to none stops the impact', async () => {
    const types = DEFAULT_RELATION_TYPES.map((t) =>
      t.name === 'carries' ? { ...t, impact: { forward: 'none' as const, backward: 'none' as const } } : t,
    );
    const metamodel = createMetamodel(DEFAULT_KINDS, types);

    expect(await queryImpact(driver, metamodel, ['DI-1'], scope)).toEqual([]);
  });
});
