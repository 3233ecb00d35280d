import { relationKey } from '@tracery/core/advanced';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type MappedRelation, RelationTable } from '../../src/map/relation-table.js';

const origin = (line: number) => ({ file: 'd.bpmn', line, column: 1 });
const relation = (source: string, type: string, target: string) => ({ type, source, target, attributes: {} });

describe('RelationTable', () => {
  test('the first of duplicates wins, and its origin stays', () => {
    const table = new RelationTable();
    expect(table.add(relation('BP1.A', 'partOf', 'BP1'), origin(3))).toBe(true);
    expect(table.add(relation('BP1.A', 'partOf', 'BP1'), origin(9))).toBe(false);
    expect(table.add(relation('BP1.A', 'flowsTo', 'BP1.B'), origin(4))).toBe(true);
    expect(table.has('BP1.A', 'partOf', 'BP1')).toBe(true);
    expect(table.has('BP1.A', 'partOf', 'BP1.B')).toBe(false);
    expect(table.has('BP2.A', 'partOf', 'BP1')).toBe(false);
    expect(table.sorted().map((r) => [r.relation.type, r.origin.line])).toEqual([
      ['flowsTo', 4],
      ['partOf', 3],
    ]);
  });

  test('a source with thousands of relations (a Role performing every step) finds duplicates too', () => {
    const table = new RelationTable();
    for (let k = 0; k < 2000; k++) table.add(relation('SUP', 'performs', `BP1.T${k}`), origin(k + 1));
    for (let k = 0; k < 2000; k += 7)
      expect(table.add(relation('SUP', 'performs', `BP1.T${k}`), origin(1))).toBe(false);
    expect(table.add(relation('SUP', 'sends', 'BP1.T1'), origin(1))).toBe(true);
    expect(table.sorted()).toHaveLength(2001);
  });

  // The reference: one map keyed by source, type and target joined by \0, sorted by key, as before.
  test('gives what a map keyed by relation key gives, in the order of its sorted keys', () => {
    const id = fc.constantFrom('A', 'AB', 'A.B', 'B', 'BP1', 'BP1.T1', 'BP1.T10', 'BP1.T2', 'a', 'Ä', 'SUP');
    const type = fc.constantFrom('partOf', 'flowsTo', 'performs', 'uses', 'sends');
    fc.assert(
      fc.property(fc.array(fc.tuple(id, type, id), { maxLength: 300 }), (drafts) => {
        const table = new RelationTable();
        const reference = new Map<string, MappedRelation>();
        drafts.forEach(([source, kind, target], k) => {
          const mapped = { relation: relation(source, kind, target), origin: origin(k + 1) };
          const key = relationKey(mapped.relation);
          expect(table.add(mapped.relation, mapped.origin)).toBe(!reference.has(key));
          if (!reference.has(key)) reference.set(key, mapped);
        });
        const expected = [...reference.keys()].sort().map((key) => reference.get(key));
        expect(table.sorted()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
