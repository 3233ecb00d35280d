import { InvalidArgumentError } from '@tracery/core';
import { describe, expect, test } from 'vitest';
import { checkName, escapeName, relationshipTypeOf } from '../../src/cypher/cypher-name.js';

describe('escapeName', () => {
  test.each([
    ['Interface', '`Interface`'],
    ['With space', '`With space`'],
    ['a`b', '`a``b`'],
    ['``', '``````'],
    ['x\\u0060y', '`x\\u005Cu0060y`'],
    ['\\', '`\\u005C`'],
  ])('quotes %j as %s', (name, quoted) => {
    expect(escapeName(name, 'label')).toBe(quoted);
  });

  test.each([
    ['', 'label'],
    ['a\u0000b', 'label'],
    ['lone \ud800 surrogate', 'relationship type'],
    ['__tracery_hash', 'property key'],
  ] as const)('refuses %j as a %s', (name, use) => {
    expect(() => escapeName(name, use)).toThrow(InvalidArgumentError);
  });

  test('names the argument that was wrong', () => {
    expect(() => checkName('', 'label', 'element "X" kind')).toThrow(
      /^element "X" kind: label must not be empty\.$/,
    );
  });
});

describe('relationshipTypeOf', () => {
  test.each([
    ['partOf', 'PART_OF'],
    ['documentedIn', 'DOCUMENTED_IN'],
    ['dependsOn', 'DEPENDS_ON'],
    ['sends', 'SENDS'],
    ['HTTPServer', 'HTTP_SERVER'],
    ['usesV2Api', 'USES_V2_API'],
    ['two words', 'TWO WORDS'],
  ])('%s -> %s', (type, expected) => {
    expect(relationshipTypeOf(type)).toBe(expected);
  });
});
