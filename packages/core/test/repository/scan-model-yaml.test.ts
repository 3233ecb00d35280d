import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMetamodel } from '@tracery/core';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findControlCharacter } from '../../src/report/escape-control-characters.js';
import { idRule } from '../../src/repository/id-safety.js';
import { loadConfig } from '../../src/repository/load-config.js';
import type { ModelFileRead } from '../../src/repository/model-file-cache.js';
import { packModelFileRead } from '../../src/repository/pack-model-file-read.js';
import {
  packScannedText,
  type ReadContext,
  readModelText,
  readParsedText,
} from '../../src/repository/read-model-text.js';
import { readScannedModel } from '../../src/repository/read-scanned-model.js';
import { SCAN_MIN_DEPTH_LIMIT, scanModelYaml } from '../../src/repository/scan-model-yaml.js';
import { isOddCharacter } from '../../src/repository/yaml-characters.js';
import { findTooDeep } from '../../src/repository/yaml-depth.js';
import { canonicalModelText, mutatedModelText } from './model-file-arbitraries.js';

// Issue 17: the scanner reads the canonical form of model files without a YAML document or node tree.
// Whatever it reads, it reads exactly as the parsers do: the same element drafts (key order too), the
// same relations, the same positions and no diagnostic; anything else it leaves to the parsers.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'repository');
const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');
const FILE = 'model/x.yaml';
// More runs when hunting: TRACERY_SCAN_RUNS=20 runs each property twenty times as long.
const RUNS = Number(process.env.TRACERY_SCAN_RUNS ?? 1);

function contextOf(fast = true): ReadContext {
  const schemas = { kinds: new Map(), ids: idRule() };
  return { limits: { maxAliasCount: 1000, maxDepth: 200 }, metamodel: defaultMetamodel(), schemas, fast };
}

/** What the scanner gives for a file, or undefined when it leaves the file to the parsers. */
function readByScanner(file: string, text: string, context: ReadContext): ModelFileRead | undefined {
  const scan = scanModelYaml(text);
  const read = scan && readScannedModel(file, scan, context.metamodel, context.schemas);
  return read && { file, diagnostics: [], read };
}

/** Equal, with the same keys in the same order at every level (a worker posts and packs by key order). */
function expectSameRead(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('the model file scanner', () => {
  test(
    'reads generated canonical files exactly as the fast parser and the yaml package do',
    () => {
      let scanned = 0;
      let relations = 0;
      fc.assert(
        fc.property(canonicalModelText, (text) => {
          const byScanner = readByScanner(FILE, text, contextOf());
          if (byScanner === undefined) return;
          scanned++;
          relations += byScanner.read!.relations.length;
          expectSameRead(byScanner, readParsedText(FILE, text, contextOf(true)));
          expectSameRead(byScanner, readParsedText(FILE, text, contextOf(false)));
          // A file the scanner reads is never one the depth limit refuses (see SCAN_MIN_DEPTH_LIMIT).
          expect(findTooDeep(text, SCAN_MIN_DEPTH_LIMIT)).toBeUndefined();
        }),
        { numRuns: 600 * RUNS },
      );
      // The comparison means something only if the scanner read many files itself, relations and all.
      expect(scanned).toBeGreaterThan(150);
      expect(relations).toBeGreaterThan(300);
    },
    30_000 * RUNS,
  );

  test(
    'on near-canonical mutations, either reads exactly what the parsers read or leaves the file',
    () => {
      let scanned = 0;
      let left = 0;
      fc.assert(
        fc.property(mutatedModelText, (text) => {
          const byScanner = readByScanner(FILE, text, contextOf());
          const byParsers = readParsedText(FILE, text, contextOf());
          expectSameRead(readModelText(FILE, text, contextOf()), byParsers);
          if (byScanner === undefined) {
            left++;
            return;
          }
          scanned++;
          expectSameRead(byScanner, byParsers);
        }),
        { numRuns: 1500 * RUNS },
      );
      expect(scanned).toBeGreaterThan(50);
      expect(left).toBeGreaterThan(300);
    },
    30_000 * RUNS,
  );

  test('packs what it reads as a worker posts it: equal to packing the drafts', () => {
    let packed = 0;
    fc.assert(
      fc.property(canonicalModelText, (text) => {
        const direct = packScannedText(FILE, text, contextOf());
        const drafts = readByScanner(FILE, text, contextOf());
        expect(direct === undefined).toBe(drafts === undefined);
        if (direct === undefined) return;
        packed++;
        expectSameRead(direct, packModelFileRead(readModelText(FILE, text, contextOf())));
      }),
      { numRuns: 300 * RUNS },
    );
    // The generator is random, and only some of its texts are ones the scanner packs: the bound shows
    // that the comparison ran on many, with room for an unlucky draw (a bound of 80 failed once, at 74).
    expect(packed).toBeGreaterThan(50);
  });

  test('never reads a character that text safety would report, in a name or anywhere else', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c);
      if (c !== 10 && findControlCharacter(char, { lineBreaks: false }) !== undefined)
        expect(isOddCharacter(c), `U+${c.toString(16)}`).toBe(true);
    }
    // Lone surrogates (and so any surrogate) are refused too.
    expect(isOddCharacter(0xd800) && isOddCharacter(0xdfff)).toBe(true);
  });

  test.each([
    ['a tab in the indentation', 'elements:\n  - id: REQ-1\n\tkind: Requirement\n    name: A\n'],
    ['a comment after a value', 'elements:\n  - id: REQ-1 # the first\n    kind: Requirement\n    name: A\n'],
    [
      'a kept folded description',
      'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\n    description: >+\n      Long\n',
    ],
    [
      'a block scalar line that starts with #',
      'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\n    description: |\n      # one\n',
    ],
    [
      'a name on two lines',
      'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: |\n      A\n      B\n',
    ],
    [
      'a plain scalar on two lines',
      'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\n      B\n',
    ],
    ['a key twice', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\n    name: B\n'],
    ['an anchor', 'elements:\n  - id: &x REQ-1\n    kind: Requirement\n    name: A\n'],
    ['a null value', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name:\n'],
    ['a CR that ends no line', 'elements:\r\n  - id: REQ-1\r    kind: Requirement\r\n    name: A\r\n'],
    ['a relations: list', 'elements: []\nrelations:\n  - { from: A, type: refines, to: B }\n'],
    [
      'an escape other than \\\\, \\" and \\/',
      'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: "A\\tB"\n',
    ],
    ['a control character', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\u001b[2J\n'],
    ['a lone surrogate', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\ud800\n'],
    ['an unknown field', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: A\n    colour: red\n'],
    ['an unsafe id', 'elements:\n  - id: ../x\n    kind: Requirement\n    name: A\n'],
    ['a value of the wrong type', 'elements:\n  - id: REQ-1\n    kind: Requirement\n    name: 12\n'],
  ])('leaves %s to the parsers, which give what they always gave', (_, text) => {
    expect(readByScanner(FILE, text, contextOf())).toBeUndefined();
    expectSameRead(readModelText(FILE, text, contextOf()), readParsedText(FILE, text, contextOf()));
  });

  test('places elements and relations at their text, as the parsers do', () => {
    const text = [
      '# header',
      'elements:',
      '  - id: TC-1',
      '    kind: TestCase',
      "    name: 'Checks it'",
      '    verifies: [REQ-1, "REQ-2"]',
      '    dependsOn:',
      '      - id: TC-2',
      '        note: first',
      '',
    ].join('\n');
    const read = readByScanner(FILE, text, contextOf())!.read!;
    expect(read.elements[0]!.origin).toEqual({ file: FILE, line: 3, column: 5, endLine: 9, endColumn: 20 });
    expect(read.relations.map((r) => [r.type, r.target, r.attributes, r.origin])).toEqual([
      ['verifies', 'REQ-1', {}, { file: FILE, line: 6, column: 16, endLine: 6, endColumn: 21 }],
      ['verifies', 'REQ-2', {}, { file: FILE, line: 6, column: 23, endLine: 6, endColumn: 30 }],
      [
        'dependsOn',
        'TC-2',
        { note: 'first' },
        { file: FILE, line: 8, column: 13, endLine: 8, endColumn: 17 },
      ],
    ]);
    expectSameRead(readByScanner(FILE, text, contextOf()), readParsedText(FILE, text, contextOf()));
  });

  test('reads CR LF line ends as the parsers do, at the same positions', () => {
    const text =
      'elements:\r\n  - id: REQ-1\r\n    kind: Requirement\r\n    name: A\r\n    description: |\r\n      x\r\n      y\r\n';
    const read = readByScanner(FILE, text, contextOf())!.read!;
    expect(read.elements[0]!.element.description).toBe('x\ny\n');
    expect(read.elements[0]!.origin).toEqual({ file: FILE, line: 2, column: 5, endLine: 7, endColumn: 8 });
    expectSameRead(readByScanner(FILE, text, contextOf()), readParsedText(FILE, text, contextOf()));
    expectSameRead(readByScanner(FILE, text, contextOf()), readParsedText(FILE, text, contextOf(false)));
  });

  test('reads the files that tracery writes (a generated repository) and gives what the parsers give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-scan-'));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: 1200, seed: 7 }), 300);
      const files = await modelFiles(join(dir, 'model'));
      const context = await repositoryContext(dir);
      expect(files.length).toBeGreaterThan(5);
      for (const path of files) {
        const text = await readFile(path, 'utf8');
        const byScanner = readByScanner(path, text, context);
        expect(byScanner, path).toBeDefined();
        expectSameRead(byScanner, readParsedText(path, text, context));
        expectSameRead(packScannedText(path, text, context), packModelFileRead(byScanner!));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['the MHHS example', MHHS, 35],
    ['the good fixture', join(FIXTURES, 'good'), 0],
    ['the unknown-field fixture', join(FIXTURES, 'error', 'unknown-field'), 0],
    ['the invalid-value fixture', join(FIXTURES, 'error', 'invalid-value'), 0],
  ])('reads %s as the parsers do', async (_, dir, atLeast) => {
    const context = await repositoryContext(dir);
    let scanned = 0;
    for (const path of await modelFiles(join(dir, 'model'))) {
      const text = await readFile(path, 'utf8');
      const byScanner = readByScanner(path, text, context);
      if (byScanner !== undefined) scanned++;
      expectSameRead(readModelText(path, text, context), readParsedText(path, text, context));
      if (byScanner !== undefined) expectSameRead(byScanner, readParsedText(path, text, context));
    }
    expect(scanned).toBeGreaterThanOrEqual(atLeast);
  });
});

async function repositoryContext(dir: string): Promise<ReadContext> {
  const { config, metamodel, tolerated } = await loadConfig(dir);
  const schemas = { kinds: new Map(), tolerated, ids: idRule(config.ids) };
  return { limits: config.limits, metamodel, schemas, fast: true };
}

async function modelFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
