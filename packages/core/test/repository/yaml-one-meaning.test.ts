import { defaultMetamodel } from '@tracery/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SchemaCache } from '../../src/repository/model-drafts.js';
import { parseYamlFast } from '../../src/repository/parse-yaml-fast.js';
import { parseYamlFile } from '../../src/repository/parse-yaml-file.js';
import { parseYamlText } from '../../src/repository/parse-yaml-text.js';
import { readModelFile } from '../../src/repository/read-model-file.js';

// Issue 11: a file's values never depend on which code path read it. Every text is read twice, by the
// fast path (js-yaml with the core schema of the `yaml` package) and by the full `yaml` parser alone;
// the values, every model draft with its position, and the diagnostics must be identical.

const LIMITS = { maxAliasCount: 1000, maxDepth: 200 };
const metamodel = defaultMetamodel();

/** Plain scalars that YAML 1.1, YAML 1.2, js-yaml's defaults and JSON read in different ways. */
const TRICKY = [
  ...['0b101', '0B101', '-0b1', '0o17', '0O17', '-0o17', '+0o17', '0x1F', '0X1f', '-0x1F', '+0x1F'],
  ...['1_000', '0x_1F', '1__0', '_1', '1_', '1_000.5', '0777', '08', '007', '+7', '-0', '+0', '00'],
  ...['.5', '+.5', '-.5', '5.', '-5.', '1e3', '1E3', '+1e-3', '.5e2', '1.5e+2', 'e3', '1e', '1.2.3'],
  ...['.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNf', 'inf', 'Infinity', '.nan', '.NaN', '.NAN', 'NaN'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', 'Nil', ''],
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'no', 'No', 'NO'],
  ...['on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N'],
  ...[
    '2024-01-01',
    '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5',
    '2002-12-14',
    '1:20',
    '190:20:30',
  ],
  ...['12345678901234567890', '9007199254740993', '1e400', '-1e400', '0.1', '3.14159'],
  ...['IF-021', 'REQ-LSS-001', 'a b', 'é', 'x#y', 'a:b', '=', '<<', '-', '?', 'NO-1'],
];

const plainText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc
    .tuple(
      fc.constantFrom('', '+', '-'),
      fc.constantFrom('', '0b', '0o', '0x', '0', '.'),
      fc.stringMatching(/^[0-9a-fA-F_]{1,6}$/),
      fc.constantFrom('', '.', '.5', 'e3', 'e-2', '_0'),
    )
    .map((parts) => parts.join('')),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,12}$/),
);

const scalarText = fc.oneof(
  { weight: 4, arbitrary: plainText },
  plainText.map((t) => `'${t.replaceAll("'", "''")}'`),
  plainText.map((t) => JSON.stringify(t)),
);

/** A YAML document whose values are generated scalars, in block and flow styles. */
const documentText = fc
  .record({
    values: fc.array(scalarText, { minLength: 1, maxLength: 6 }),
    flow: fc.array(scalarText, { maxLength: 3 }),
    keys: fc.array(plainText, { minLength: 1, maxLength: 3 }),
    comments: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    block: fc.constantFrom('', '|', '|-', '>', '>+'),
    anchor: fc.boolean(),
  })
  .map(({ values, flow, keys, comments, block, anchor }) => {
    const lines = values.map((value, i) => `v${i}: ${value}${comments[i] ? ' # note' : ''}`);
    if (block !== '') lines.push(`text: ${block}\n  first ${values[0]}\n\n  second: line\n`);
    lines.push(`list:\n${values.map((value) => `  - ${value}`).join('\n')}`);
    lines.push(`flow: [${flow.join(', ')}]`);
    lines.push(`keys:\n${keys.map((key, i) => `  ${key}: ${i}`).join('\n')}`);
    if (anchor) lines.push('anchored: &a x\nalias: *a');
    return `${lines.join('\n')}\n`;
  });

/** A model file whose elements carry generated scalars in typed fields and unknown ones. */
const modelText = fc
  .record({
    name: scalarText,
    status: scalarText,
    extra: scalarText,
    ref: scalarText,
    anchor: fc.boolean(),
  })
  .map(({ name, status, extra, ref, anchor }) =>
    [
      'elements:',
      '  - id: REQ-1',
      '    kind: Requirement',
      `    name: ${name}`,
      `    status: ${status}`,
      `    extra: ${extra}`,
      `    refines: ${ref}`,
      `  - id: REQ-2${anchor ? '\n    tags: &t [a]\n    owner: *t' : ''}`,
      '    kind: Requirement',
      `    name: ${extra}`,
      '',
    ].join('\n'),
  );

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
