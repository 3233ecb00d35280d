import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES, type Diagnostic } from '@tracery/core';
import { parseJunit } from '@tracery/core/advanced';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

// Issue 12: the JUnit parser never throws on what a file holds. Any input gives a report or positioned
// diagnostics with a known code; an exception (other than fast-check's own report) fails the test.
// Run counts stay modest so that `pnpm test` stays quick; the seed is fast-check's, printed on failure.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'junit');
const REAL = [
  'surefire/TEST-dev.tracery.fixture.SettlementTest.xml',
  'pytest/pytest-xunit1.xml',
  'gtest/gtest.xml',
  'ctest/ctest-junit.xml',
  'vitest/vitest-junit.xml',
  'jest/jest-junit.xml',
  'node-test/node-junit.xml',
].map((path) => readFileSync(join(FIXTURES, path), 'utf8'));

/** Pieces JUnit reports and hostile files are made of. */
const PIECE = fc.oneof(
  fc.constantFrom(
    '<?xml version="1.0"?>',
    '<testsuites tests="2">',
    '</testsuites>',
    '<testsuite name="s" tests="1" failures="0" timestamp="2026-11-28T12:00:00">',
    '<testsuite timestamp="not a time">',
    '</testsuite>',
    '<testcase name="t [TC-1]" classname="c" time="0.1">',
    '<testcase name="a"/>',
    '</testcase>',
    '<failure message="m">',
    '</failure>',
    '<error/>',
    '<skipped/>',
    '<system-out>',
    '</system-out>',
    '<system-err>',
    '</system-err>',
    '<properties><property name="requirement" value="REQ-1"/></properties>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    '<!ENTITY b "c">',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&unknown;',
    '"',
    "'",
    '<',
    '>',
    '\u001b[2J',
    '\u0000',
    '\ud800',
    '\n',
  ),
  fc.string({ maxLength: 8 }),
);

const xmlish = fc.array(PIECE, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A real report cut, with text spliced in: truncated and damaged files as a crashed run leaves them. */
const damaged = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.nat(), xmlish).map(([text, a, b, insert]) => {
  const from = a % (text.length + 1);
  const to = from + (b % 200);
  return text.slice(0, from) + insert + text.slice(Math.min(to, text.length));
});

function expectPositioned(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.source?.file).toBe('fuzz.xml');
    expect(d.source?.line).toBeGreaterThanOrEqual(1);
    expect(d.source?.column).toBeGreaterThanOrEqual(1);
  }
}

describe('parseJunit under fuzzing: never an exception, every problem a positioned diagnostic', () => {
  test.each([
    ['XML-like text built from JUnit and hostile pieces', xmlish],
    ['real reports, cut and damaged', damaged],
    ['any text', fc.string({ unit: 'binary', maxLength: 300 })],
  ])('%s', (_what, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        const { report, diagnostics } = parseJunit(text, 'fuzz.xml');
        expectPositioned(diagnostics);
        if (report === undefined) expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
