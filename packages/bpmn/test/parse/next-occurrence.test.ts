import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nextOccurrence } from '../../src/parse/next-occurrence.js';

describe('nextOccurrence', () => {
  test('answers as indexOf does, whatever order the offsets are asked in', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '&', '<', ' ') }),
        fc.array(fc.nat({ max: 60 }), { maxLength: 30 }),
        (text, offsets) => {
          const amp = nextOccurrence(text, '&');
          for (const from of offsets) expect(amp(from)).toBe(text.indexOf('&', from));
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
  });

  test('gives each occurrence in turn as the offsets move forward', () => {
    const text = `${'x'.repeat(50)}&${'y'.repeat(50)}&`;
    const amp = nextOccurrence(text, '&');
    expect([0, 10, 50, 51, 80, 101, 102].map(amp)).toEqual([50, 50, 50, 101, 101, 101, -1]);
  });
});
