import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLineIndex } from '../../src/parse/line-index.js';

/** Line and column of an offset by counting, the plain way: what the index must agree with. */
function counted(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

describe('createLineIndex', () => {
  test('gives the line and column found by counting, whatever order the offsets are asked in', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' '), maxLength: 80 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 40 }),
        (text, asked) => {
          const lines = createLineIndex(text, 'f.bpmn');
          for (const offset of asked.map((o) => Math.min(o, text.length))) {
            expect(lines.sourceAt(offset)).toEqual({ file: 'f.bpmn', ...counted(text, offset) });
          }
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
  });

  test('answers offsets that move forward line by line, then far ahead, then back', () => {
    const text = 'a\nbb\n\nccc\n'.repeat(20);
    const lines = createLineIndex(text, 'f.bpmn');
    const asked = [0, 1, 2, 5, 6, 9, 10, 11, text.length - 1, 3, 0];
    expect(asked.map((o) => lines.sourceAt(o))).toEqual(
      asked.map((o) => ({ file: 'f.bpmn', ...counted(text, o) })),
    );
  });
});
