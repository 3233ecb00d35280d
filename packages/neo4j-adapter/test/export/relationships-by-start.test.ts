import { describe, expect, test } from 'vitest';
import type { RelationshipRow } from '../../src/export/plan-export.js';
import { relationshipsByStart } from '../../src/export/relationships-by-start.js';
import type { Properties } from '../../src/mapping/attribute-properties.js';

const row = (source: string, target: string, props: Properties = {}): RelationshipRow => ({
  source,
  target,
  hash: 'h',
  props,
});
const refs = new Map([
  ['A', '4:db:1'],
  ['B', '4:db:2'],
  ['C', '4:db:3'],
]);

describe('relationshipsByStart', () => {
  test('given rows sorted by source, when grouped, then each start node comes once with all its ends in order', () => {
    const rows = [row('A', 'B'), row('A', 'C'), row('B', 'C'), row('C', 'A')];

    const grouped = relationshipsByStart(rows, refs, '4:db:', []);

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

    const grouped = relationshipsByStart(rows, refs, '4:db:', ['note', 'weight']);

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

    const grouped = relationshipsByStart(rows, refs, '', []);

    expect(grouped).toEqual([
      ['4:db:1', 'A', [['4:db:2', 'B']]],
      ['4:db:2', 'B', [['4:db:3', 'C']]],
      ['4:db:1', 'A', [['4:db:3', 'C']]],
    ]);
  });
});
