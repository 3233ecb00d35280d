import { defaultMetamodel, InvalidArgumentError, NotFoundError } from '@tracery/core';
import { createMetamodel, DEFAULT_KINDS, DEFAULT_RELATION_TYPES } from '@tracery/core/advanced';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportModel } from '../../src/export/export-model.js';
import { queryImpact } from '../../src/query/query-impact.js';
import { queryDownstream, queryUpstream } from '../../src/query/query-trace.js';
import { dropLabel, testDriver, uniqueLabel } from '../helpers/neo4j.js';
import { buildModel } from '../helpers/sample-model.js';

let driver: Driver;
const label = uniqueLabel('Trace');
const scope = { elementLabel: label };

// SVC-1 -sends-> IF-1 -carries-> DI-1      IF-1 -documentedIn-> ART-1     TC-1 -verifies-> IF-1
// SVC-1 -performs-> PS-1 -flowsTo-> PS-2 -flowsTo-> PS-1     IF-1 -satisfies-> REQ-1 -governedBy-> PR-1
// IF-1 -satisfies-> REQ-2
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
      { id: 'REQ-2', kind: 'Requirement' },
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
      ['IF-1', 'satisfies', 'REQ-2'],
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
    ['SVC-1', {}, 'ART-1:2 DI-1:2 IF-1:1 PR-1:3 PS-1:1 PS-2:2 REQ-1:2 REQ-2:2'],
    ['SVC-1', { types: ['sends', 'carries'] }, 'DI-1:2 IF-1:1'],
    ['SVC-1', { maxDepth: 1 }, 'IF-1:1 PS-1:1'],
    ['PS-1', { types: ['flowsTo'] }, 'PS-2:1'],
    ['PR-1', {}, ''],
    ['SVC-1', { types: [] }, ''],
    ['SVC-1', { maxDepth: 0 }, ''],
    ['IF-1', { types: ['sentBy'] }, 'SVC-1:1'],
    ['IF-1', { direction: 'both', maxDepth: 1 }, 'ART-1:1 DI-1:1 REQ-1:1 REQ-2:1 SVC-1:1 TC-1:1'],
    ['SVC-1', { kinds: ['Requirement', 'Principle'] }, 'PR-1:3 REQ-1:2 REQ-2:2'],
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
      {
        id: 'DI-1',
        kind: 'DataItem',
        depth: 1,
        path: [{ from: 'IF-1', relation: 'carries', to: 'DI-1', direction: 'forward' }],
      },
    ]);
  });

  test('a path names each relation by its type, and says it was crossed against the way it goes', async () => {
    const hits = await queryUpstream(driver, mm, 'DI-1', { ...scope, types: ['carries', 'sends'] });

    expect(hits.find((h) => h.id === 'SVC-1')?.path).toEqual([
      // IF-1 carries DI-1 and SVC-1 sends IF-1: upstream from DI-1 crosses both backward.
      { from: 'DI-1', relation: 'carries', to: 'IF-1', direction: 'backward' },
      { from: 'IF-1', relation: 'sends', to: 'SVC-1', direction: 'backward' },
    ]);
  });
});

describe('queryImpact', () => {
  // Expected from the default effects (core README, "Impact"): carries backward, satisfies backward
  // propagate; sends, performs, documentedIn forward, verifies backward, satisfies forward, governedBy
  // backward notify; flowsTo none. A notified element passes the change on only to its tests and documents.
  test.each([
    // DI-1 changes its interface, whose senders, documents, tests and requirements must act.
    [['DI-1'], {}, 'ART-1:2:n IF-1:1:p REQ-1:2:n REQ-2:2:n SVC-1:2:n TC-1:2:n'],
    // A principle: what it governs is re-assessed, and no further.
    [['PR-1'], {}, 'REQ-1:1:n'],
    // A requirement changes the design satisfying it; no reversal: not IF-1's other requirement REQ-2.
    [['REQ-1'], {}, 'ART-1:2:n IF-1:1:p SVC-1:2:n TC-1:2:n'],
    // A notified interface passes the change on to its document and test only.
    [['SVC-1'], {}, 'ART-1:2:n IF-1:1:n PS-1:1:n TC-1:2:n'],
    [['SVC-1'], { maxDepth: 1 }, 'IF-1:1:n PS-1:1:n'],
    [['ART-1'], {}, ''],
    [['PS-2'], {}, ''],
    [['DI-1'], { stopAtKinds: ['Interface'] }, 'ART-1:2:n IF-1:1:n TC-1:2:n'],
    [['DI-1'], { types: ['carriedBy', 'sends'] }, 'IF-1:1:p'],
    [['DI-1'], { types: ['carriedBy', 'sentBy'] }, 'IF-1:1:p SVC-1:2:n'],
    [['DI-1'], { skipTypes: ['documentedIn', 'satisfies'] }, 'IF-1:1:p SVC-1:2:n TC-1:2:n'],
    [['DI-1'], { effects: { carries: { backward: 'none' } } }, ''],
    [['DI-1'], { maxDepth: 0 }, ''],
  ] as const)('a change at %j with %j reaches %s', async (changed, options, expected) => {
    const result = await queryImpact(driver, mm, changed, { ...scope, ...options });
    const shown = result.impacted.map((e) => `${e.id}:${e.depth}:${e.reach === 'propagated' ? 'p' : 'n'}`);
    expect(shown.join(' ')).toBe(expected);
  });

  test('the summary: the parties that must act, the tests to re-run, the documents to re-issue, and why', async () => {
    const result = await queryImpact(driver, mm, ['DI-1'], scope);

    expect(result.parties).toEqual([
      { id: 'SVC-1', kind: 'Service', name: 'SVC-1', self: false, elements: ['IF-1'] },
    ]);
    expect(result.testsToRerun).toEqual([{ id: 'TC-1', name: 'TC-1', because: ['IF-1'] }]);
    expect(result.documentsToReissue).toEqual([{ id: 'ART-1', name: 'ART-1', because: ['IF-1'] }]);
    expect(result.impacted.find((e) => e.id === 'SVC-1')?.path).toEqual([
      { from: 'DI-1', relation: 'carries', to: 'IF-1', direction: 'backward', effect: 'propagate' },
      { from: 'IF-1', relation: 'sends', to: 'SVC-1', direction: 'backward', effect: 'notify' },
    ]);
  });

  test('the effects come from the metamodel: a relation type set to none both ways stops the impact', async () => {
    const types = DEFAULT_RELATION_TYPES.map((t) =>
      t.name === 'carries' ? { ...t, impact: { forward: 'none' as const, backward: 'none' as const } } : t,
    );
    const metamodel = createMetamodel(DEFAULT_KINDS, types);

    expect((await queryImpact(driver, metamodel, ['DI-1'], scope)).impacted).toEqual([]);
  });

  test('an unknown changed element is a NotFoundError naming it', async () => {
    await expect(queryImpact(driver, mm, ['DI-1', 'NOPE'], scope)).rejects.toThrow(
      new NotFoundError(`element "NOPE" not found in Neo4j (label ${label}).`),
    );
  });
});
