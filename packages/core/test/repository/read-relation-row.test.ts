import { defaultMetamodel } from '@tracery/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { relationRowSchema } from '../../src/metamodel/element-schema.js';
import { parseYamlText } from '../../src/repository/parse-yaml-text.js';
import { readModelFile } from '../../src/repository/read-model-file.js';

// A row of exactly from, type (a known name) and to, all text, skips zod: that is right only if zod
// accepts every such row and gives it back unchanged.

const metamodel = defaultMetamodel();
const names = [...metamodel.relationNames.keys()];

describe('a plain relations row', () => {
  test('is one that zod accepts and gives back unchanged', () => {
    const schema = relationRowSchema(metamodel);
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...names), fc.string(), (from, type, to) => {
        const row = { from, type, to };
        const result = schema.safeParse(row);
        expect(result.success).toBe(true);
        expect(result.data).toStrictEqual(row);
      }),
      { numRuns: 500 },
    );
  });

  test('reads into the relation it names, and a row with more or other fields still goes through zod', () => {
    const text = [
      'relations:',
      '  - {from: A, type: dependsOn, to: B}',
      '  - {from: B, type: dependencyOf, to: C}',
      '  - {from: A, type: dependsOn, to: C, note: why}',
      '  - {from: A, type: dependsOn, to: 7}',
      '  - {from: A, type: dependsOn, to: C, colour: red}',
      '',
    ].join('\n');
    const parsed = parseYamlText('model/rows.yaml', text, { maxAliasCount: 100, maxDepth: 50 });
    const read = readModelFile(parsed, metamodel, { kinds: new Map() });
    expect(read.relations.map((r) => [r.type, r.source, r.target, r.attributes])).toEqual([
      ['dependsOn', 'A', 'B', {}],
      ['dependsOn', 'C', 'B', {}],
      ['dependsOn', 'A', 'C', { note: 'why' }],
    ]);
    expect(read.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['invalid-value', 5],
      ['unknown-field', 6],
    ]);
  });
});
