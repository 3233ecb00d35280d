import { defaultMetamodel } from '@tracery/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SchemaCache } from '../../src/repository/model-drafts.js';
import { parseYamlFast } from '../../src/repository/parse-yaml-fast.js';
import { parseYamlFile } from '../../src/repository/parse-yaml-file.js';
import { parseYamlText } from '../../src/repository/parse-yaml-text.js';
import { readModelFile } from '../../src/repository/read-model-file.js';
import { documentText, modelText, scalarText } from './yaml-arbitraries.js';

// Issue 11: a file's values never depend on which code path read it. Every text is read twice, by the
// fast path (js-yaml with the core schema of the `yaml` package) and by the full `yaml` parser alone;
// the values, every model draft with its position, and the diagnostics must be identical.

const LIMITS = { maxAliasCount: 1000, maxDepth: 200 };
const metamodel = defaultMetamodel();

function read(text: string, fast: boolean) {
  const parsed = parseYamlText('model/x.yaml', text, LIMITS, fast);
  const cache: SchemaCache = { kinds: new Map() };
  const drafts = parsed.value === undefined ? undefined : readModelFile(parsed, metamodel, cache);
  return { value: parsed.value, diagnostics: parsed.diagnostics, drafts };
}

describe('one YAML meaning (YAML 1.2 core schema) on every path', () => {
  test('the fast path and the full parser give the same values and diagnostics on generated documents', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (parseYamlFast('x.yaml', text) !== undefined) fastRuns++;
        expect(read(text, true)).toEqual(read(text, false));
      }),
      { numRuns: 500 },
    );
    // The comparison means something only if the fast path read most of the documents itself.
    expect(fastRuns).toBeGreaterThan(150);
  });

  test('the fast path and the full parser give the same drafts, positions and diagnostics on model files', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(modelText, (text) => {
        if (parseYamlFast('x.yaml', text) !== undefined) fastRuns++;
        expect(read(text, true)).toEqual(read(text, false));
      }),
      { numRuns: 250 },
    );
    expect(fastRuns).toBeGreaterThan(80);
  });

  test('the fast path and the full parser place the last value alike in a file without a final line end', () => {
    fc.assert(
      fc.property(modelText, (text) => {
        const unended = text.replace(/\n+$/, '');
        expect(read(unended, true)).toEqual(read(unended, false));
      }),
      { numRuns: 100 },
    );
  });

  test('an anchor elsewhere in the file does not change what a value means', () => {
    fc.assert(
      fc.property(scalarText, (value) => {
        const plain = read(`a: ${value}\nb: x\n`, true);
        const anchored = read(`a: ${value}\nb: &x x\nc: *x\n`, true);
        if (plain.value === undefined) expect(anchored.value).toBeUndefined();
        else
          expect((anchored.value as Record<string, unknown>).a).toEqual(
            (plain.value as Record<string, unknown>).a,
          );
      }),
      { numRuns: 400 },
    );
  });

  test.each([
    // YAML 1.2 core: only these are numbers, booleans and nulls; everything else is text.
    ['0b101', '0b101'],
    ['+.5', 0.5],
    ['-.5', -0.5],
    ['1_000', '1_000'],
    ['0o17', 15],
    ['0x1F', 31],
    ['0777', 777],
    ['yes', 'yes'],
    ['NO', 'NO'],
    ['on', 'on'],
    ['True', true],
    ['~', null],
    ['2024-01-01', '2024-01-01'],
    ['1:20', '1:20'],
    ['.inf', Number.POSITIVE_INFINITY],
    ["'0x1F'", '0x1F'],
  ])('%s reads as %j on both paths', (written, expected) => {
    for (const fast of [true, false]) {
      expect((read(`value: ${written}\n`, fast).value as { value: unknown }).value).toEqual(expected);
    }
  });

  test('a %YAML 1.1 directive is refused rather than read with another meaning', () => {
    const parsed = parseYamlFile('model/old.yaml', '%YAML 1.1\n---\nelements: []\nflag: yes\n', 1000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([
      { code: 'yaml-version', severity: 'error', source: { file: 'model/old.yaml', line: 1, column: 1 } },
    ]);
  });
});
