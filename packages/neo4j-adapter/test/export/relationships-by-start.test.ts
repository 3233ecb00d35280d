import { describe, expect, test } from 'vitest';
import { NodeRefs } from '../../src/export/node-refs.js';
import type { RelationshipRow } from '../../src/export/plan-export.js';
import { relationshipsByStart } from '../../src/export/relationships-by-start.js';
import type { Properties } from '../../src/mapping/attribute-properties.js';

const row = (source: string, target: string, props: Properties = {}): RelationshipRow => ({
  source,
  target,
  hash: 'h',
  props,
});
const refsOf = (entries: readonly [string, string][]): NodeRefs => {
  const refs = new NodeRefs();
  for (const [id, elementId] of entries) refs.set(id, elementId);
  return refs;
};
const refs = refsOf([
  ['A', '4:db:1'],
  ['B', '4:db:2'],
  ['C', '4:db:3'],
]);

describe('relationshipsByStart', () => {
  test('given rows sorted by source, when grouped, then each start node comes once with all its ends in order', () => {
    const rows = [row('A', 'B'), row('A', 'C'), row('B', 'C'), row('C', 'A')];

    const grouped = relationshipsByStart(rows, refs, []);

    expect(refs.prefix).toBe('4:db:');
    expect(grouped).toEqual([
      [
        '1',
        'A',
        [
          ['2', 'B'],
          ['3', 'C'],
        ],
      ],
      ['2', 'B', [['3', 'C']]],
      ['3', 'C', [['1', 'A']]],
    ]);
  });

  test('given property keys, when grouped, then each end carries its values in key order, a missing one as null', () => {
    const rows = [row('A', 'B', { weight: 2, note: 'x' }), row('A', 'C', { weight: 3 })];

    const grouped = relationshipsByStart(rows, refs, ['note', 'weight']);

    expect(grouped).toEqual([
      [
        '1',
        'A',
        [
          ['2', 'B', 'x', 2],
          ['3', 'C', null, 3],
        ],
      ],
    ]);
  });

  test('given a source that comes back after another, when grouped, then it starts a new row and no relationship is lost', () => {
    const rows = [row('A', 'B'), row('B', 'C'), row('A', 'C')];

    const grouped = relationshipsByStart(rows, refs, []);

    expect(grouped).toEqual([
      ['1', 'A', [['2', 'B']]],
      ['2', 'B', [['3', 'C']]],
      ['1', 'A', [['3', 'C']]],
    ]);
  });

  test('given an end the export has no element id for, when grouped, then there are no rows (the batch goes by the id index)', () => {
    expect(relationshipsByStart([row('A', 'B'), row('A', 'D')], refs, [])).toBeUndefined();
    expect(relationshipsByStart([row('D', 'A')], refs, [])).toBeUndefined();
  });

  test('given element ids that differ before their last colon, when grouped, then the prefix is empty and each ref a whole element id', () => {
    const mixed = refsOf([
      ['A', '4:db:1'],
      ['B', '4:other:2'],
      ['C', '4:db:3'],
    ]);

    const grouped = relationshipsByStart([row('A', 'B'), row('C', 'A')], mixed, []);

    expect(mixed.prefix).toBe('');
    expect(grouped).toEqual([
      ['4:db:1', 'A', [['4:other:2', 'B']]],
      ['4:db:3', 'C', [['4:db:1', 'A']]],
    ]);
  });
});
