import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CORE_FIRST_CHARACTERS,
  CORE_TAG_TESTS,
  resolvePlainScalar,
} from '../../src/repository/yaml-core-schema.js';

// The fast path skips the core tags for a plain scalar whose first character no core value starts
// with. That shortcut must never change a meaning: no tag of the `yaml` package's core schema may
// match a text that starts with another character.

describe('the first characters of core scalars', () => {
  test('every core tag is anchored at the start, so its first character decides', () => {
    expect(CORE_TAG_TESTS.length).toBeGreaterThanOrEqual(6);
    for (const tag of CORE_TAG_TESTS) expect(tag.source.startsWith('^')).toBe(true);
  });

  test('no core tag matches a text starting with another character', () => {
    const other = fc
      .string({ minLength: 1, maxLength: 1, unit: 'grapheme' })
      .filter((c) => !CORE_FIRST_CHARACTERS.includes(c));
    const rest = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('ull', 'rue', 'alse', '1', '0x1F', 'inf', 'nan', 'e3', '.5', '', 'ULL', 'RUE'),
    );
    fc.assert(
      fc.property(other, rest, (first, tail) => {
        const text = first + tail;
        for (const tag of CORE_TAG_TESTS) expect(tag.test(text)).toBe(false);
        expect(resolvePlainScalar(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['', null],
    ['~', null],
    ['null', null],
    ['True', true],
    ['0o17', 15],
    ['-0x1F', '-0x1F'],
    ['.inf', Number.POSITIVE_INFINITY],
    ['+.5', 0.5],
    ['yes', 'yes'],
    ['x1', 'x1'],
  ])('%j resolves to %j, also when asked twice in a row', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
    expect(resolvePlainScalar(text)).toEqual(expected);
  });
});
