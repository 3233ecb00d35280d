import { describe, expect, test } from 'vitest';
import { NodeRefs } from '../../src/export/node-refs.js';
import type { RelationshipRow } from '../../src/export/plan-export.js';
import { relationshipColumns } from '../../src/export/relationship-columns.js';

const row = (source: string, target: string): RelationshipRow => ({ source, target, hash: null, props: {} });
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
const split = (text: string, sep: string) => text.split(sep);

describe('relationshipColumns', () => {
  test('given rows sorted by source, when put in columns, then each start comes once and its ends run from its offset to the next', () => {
    const rows = [row('A', 'B'), row('A', 'C'), row('B', 'C'), row('C', 'A')];

    const columns = relationshipColumns(rows, refs)!;

    const sep = columns.separator;
    expect(split(columns.starts, sep)).toEqual(['1', '2', '3']);
    expect(split(columns.startIds, sep)).toEqual(['A', 'B', 'C']);
    expect(split(columns.ends, sep)).toEqual(['2', '3', '3', '1']);
    expect(split(columns.endIds, sep)).toEqual(['B', 'C', 'C', 'A']);
    expect(split(columns.offsets, sep)).toEqual(['0', '2', '3', '4']);
  });

  test('given ids holding the first separators, when put in columns, then one they do not hold is chosen and every id splits back whole', () => {
    const odd = refsOf([
      ['a\u001fb', '4:db:1'],
      ['c\u001ed', '4:db:2'],
    ]);

    const columns = relationshipColumns([row('a\u001fb', 'c\u001ed'), row('c\u001ed', 'a\u001fb')], odd)!;

    expect(columns.separator).toBe('\u001d');
    expect(split(columns.startIds, columns.separator)).toEqual(['a\u001fb', 'c\u001ed']);
    expect(split(columns.endIds, columns.separator)).toEqual(['c\u001ed', 'a\u001fb']);
  });

  test('given ids that hold every separator, or an end without element id, when put in columns, then there are none (the batch goes as rows)', () => {
    const all = '\u001f\u001e\u001d\u001c|,; ';
    const odd = refsOf([
      [all, '4:db:1'],
      ['B', '4:db:2'],
    ]);

    expect(relationshipColumns([row(all, 'B')], odd)).toBeUndefined();
    expect(relationshipColumns([row('A', 'D')], refs)).toBeUndefined();
    expect(relationshipColumns([row('D', 'A')], refs)).toBeUndefined();
  });
});
