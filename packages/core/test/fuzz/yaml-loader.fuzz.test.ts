import { DIAGNOSTIC_CODES, type Diagnostic, defaultMetamodel } from '@tracery/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SchemaCache } from '../../src/repository/model-drafts.js';
import { parseYamlText } from '../../src/repository/parse-yaml-text.js';
import { readModelFile } from '../../src/repository/read-model-file.js';
import { modelText } from '../repository/yaml-arbitraries.js';

// Issue 12: the YAML model loader never throws on what a file holds. Every text is read as a model
// file on both paths (the fast path and the full parser); an exception fails the test, and every
// diagnostic has a known code and a position. Run counts stay modest so that `pnpm test` stays quick.

const LIMITS = { maxAliasCount: 100, maxDepth: 50 };
const metamodel = defaultMetamodel();

/** Pieces that break YAML and model files: anchors, aliases, merge keys, tags, odd keys, controls. */
const PIECE = fc.oneof(
  fc.constantFrom(
    'elements:\n',
    'relations:\n',
    '- id: REQ-1\n  kind: Requirement\n  name: n\n',
    '  - ',
    '&a ',
    '*a',
    '<<: *a\n',
    '!!binary ',
    '!custom ',
    '__proto__: x\n',
    'constructor: {}\n',
    '? ',
    ': ',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '|\n',
    '>-\n',
    '\t',
    '---\n',
    '...\n',
    '%YAML 1.1\n',
    '\ufeff',
    '\u0000',
    '\u001b[2J',
    '0b101',
    '.inf',
    '~',
    '\n',
  ),
  fc.string({ maxLength: 8 }),
);

const broken = fc.array(PIECE, { maxLength: 40 }).map((pieces) => pieces.join(''));
const damagedModel = fc
  .tuple(modelText, fc.nat(), broken)
  .map(
    ([text, at, insert]) =>
      text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
  );

function expectPositioned(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.source?.file).toBe('model/fuzz.yaml');
    expect(d.source?.line).toBeGreaterThanOrEqual(1);
    expect(d.source?.column).toBeGreaterThanOrEqual(1);
  }
}

function load(text: string, fast: boolean): void {
  const parsed = parseYamlText('model/fuzz.yaml', text, LIMITS, fast);
  expectPositioned(parsed.diagnostics);
  if (parsed.value === undefined) return;
  const cache: SchemaCache = { kinds: new Map() };
  expectPositioned(readModelFile(parsed, metamodel, cache).diagnostics);
}

describe('the YAML model loader under fuzzing: never an exception, every problem a positioned diagnostic', () => {
  test.each([
    ['text built from YAML and model pieces', broken],
    ['generated model files with pieces spliced in', damagedModel],
    ['any text', fc.string({ unit: 'binary', maxLength: 300 })],
  ])('%s', (_what, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        load(text, true);
        load(text, false);
      }),
      { numRuns: 200 },
    );
  });
});
