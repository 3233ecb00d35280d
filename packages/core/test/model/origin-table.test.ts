import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SourceRef } from '../../src/index.js';
import { OriginTable } from '../../src/model/origin-table.js';

// A model keeps where each relation was written as integers (issue 17: a model of a million relations
// reads few of them back). What comes back must be the position as written, keys in the same order,
// since reports print positions as JSON.

const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const position = fc.oneof(
  fc.record({ file: fc.string(), line: int, column: int }),
  fc.record({ file: fc.string(), line: int, column: int, endLine: int }),
  fc.record({ file: fc.string(), line: int, column: int, endLine: int, endColumn: int }),
);

describe('the origin table', () => {
  test('gives back each position packed: equal, with its keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(position, { maxLength: 3000 }), (positions) => {
        const table = new OriginTable();
        const packed = positions.map((p) => table.pack(p));
        for (const [i, p] of positions.entries()) {
          const at = packed[i]!;
          expect(typeof at).toBe('number');
          expect(JSON.stringify(table.get(at as number))).toBe(JSON.stringify(p));
        }
      }),
      { numRuns: 50 },
    );
  });

  test.each([
    ['keys in another order', { line: 2, file: 'a.yaml', column: 1 }],
    ['an end column without an end line', { file: 'a.yaml', line: 2, column: 1, endColumn: 4 }],
    ['a line past 32 bits', { file: 'a.yaml', line: 2 ** 31, column: 1 }],
    ['a fractional column', { file: 'a.yaml', line: 2, column: 1.5 }],
    ['an end line left undefined', { file: 'a.yaml', line: 2, column: 1, endLine: undefined }],
  ])('keeps a position with %s as it is', (_what, origin) => {
    const table = new OriginTable();
    expect(table.pack(origin as SourceRef)).toBe(origin);
  });
});
