import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestResult, TestStatus } from '@tracery/core';
import { parseJunit } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'junit');

async function parse(path: string) {
  return parseJunit(await readFile(join(FIXTURES, path), 'utf8'), path);
}

function statuses(results: readonly TestResult[]): Record<string, number> {
  const counts: Partial<Record<TestStatus, number>> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe('parseJunit on reports that real runners wrote', () => {
  test.each([
    ['vitest/vitest-junit.xml', { passed: 2, failed: 2, skipped: 1 }],
    ['pytest/pytest-xunit1.xml', { passed: 3, failed: 1, error: 1, skipped: 2 }],
    ['pytest/pytest-xunit2.xml', { passed: 3, failed: 1, error: 1, skipped: 2 }],
    [
      'surefire/TEST-dev.tracery.fixture.SettlementTest.xml',
      { passed: 1, flaky: 1, failed: 2, error: 1, skipped: 1 },
    ],
    ['gtest/gtest.xml', { passed: 2, failed: 3, skipped: 2 }],
    // A missing executable is an error: CTest lists it as failed ("Not Run").
    ['ctest/ctest-junit.xml', { passed: 1, failed: 1, error: 1, skipped: 2 }],
    ['node-test/node-junit.xml', { passed: 2, failed: 1, skipped: 2 }],
    // One test passes, one fails, one is test.skip and one test.todo (jest-junit writes no <skipped/> for it).
    ['jest/jest-junit.xml', { passed: 1, failed: 1, skipped: 2 }],
  ])('%s gives the outcomes the runner printed', async (path, expected) => {
    const { report, diagnostics } = await parse(path);
    expect(diagnostics.filter((d) => d.code !== 'junit-count-mismatch')).toEqual([]);
    expect(statuses(report!.results)).toEqual(expected);
  });

  test('headers that disagree with their test cases are warnings: Surefire with reruns (a jest-junit todo left out of tests= is not)', async () => {
    const counts = async (path: string) =>
      (await parse(path)).diagnostics.map((d) => [d.code, d.severity, d.source?.line]);
    // Surefire's header says tests="3" for a class of six test methods (three were rerun).
    expect(await counts('surefire/TEST-dev.tracery.fixture.SettlementTest.xml')).toEqual([
      ['junit-count-mismatch', 'warning', 2],
    ]);
    // jest-junit counts 3 tests but writes 4 test cases: the todo test, with no <skipped/>, read as one.
    expect(await counts('jest/jest-junit.xml')).toEqual([]);
    for (const path of [
      'vitest/vitest-junit.xml',
      'pytest/pytest-xunit1.xml',
      'gtest/gtest.xml',
      'ctest/ctest-junit.xml',
      'node-test/node-junit.xml',
    ])
      expect(await counts(path)).toEqual([]);
  });

  test('Surefire reruns: flakyFailure passes as flaky, rerunFailure and rerunError keep the failure, with their counts', async () => {
    const { report } = await parse('surefire/TEST-dev.tracery.fixture.SettlementTest.xml');
    const byName = new Map(report!.results.map((r) => [r.name, r]));
    expect(byName.get('flakyOnce_TC_0005')).toMatchObject({ status: 'flaky', reruns: 1 });
    expect(byName.get('alwaysFlaky_TC_0006')).toMatchObject({
      status: 'failed',
      reruns: 2,
      message: 'never passes, even when rerun',
    });
    expect(byName.get('crashes_TC_0003')).toMatchObject({
      status: 'error',
      reruns: 2,
      type: 'java.lang.IllegalStateException',
    });
    expect(byName.get('clockChangeDay_TC_0002')?.message).toBe(
      'a short day has 46 periods ==> expected: <46> but was: <48>',
    );
  });

  test('properties of a test case are kept (pytest record_property, gtest RecordProperty)', async () => {
    const pytest = (await parse('pytest/pytest-xunit1.xml')).report!.results[0]!;
    const gtest = (await parse('gtest/gtest.xml')).report!.results[0]!;
    expect(pytest.properties).toEqual({ requirement: 'REQ-0001' });
    expect(gtest.properties).toEqual({ requirement: 'REQ-0001' });
  });

  test('nested testsuites give the suite path, outermost first (Node test runner)', async () => {
    const { report } = await parse('node-test/node-junit.xml');
    const nested = report!.results.find((r) => r.name === 'spring forward loses two periods');
    expect(nested?.suites).toEqual(['settlement periods', 'clock changes']);
  });

  test('gtest and ctest disabled tests count as skipped; a ctest test whose executable is missing is an error', async () => {
    const gtest = (await parse('gtest/gtest.xml')).report!.results;
    const ctest = (await parse('ctest/ctest-junit.xml')).report!.results;
    expect(gtest.find((r) => r.name === 'DISABLED_LeapSecond')?.status).toBe('skipped');
    expect(ctest.find((r) => r.name === 'disabled_check')?.status).toBe('skipped');
    expect(ctest.find((r) => r.name === 'missing_binary')).toMatchObject({
      status: 'error',
      message: 'Unable to find executable',
    });
  });

  test('system-out is kept, and entities in attributes are decoded once', async () => {
    const { report } = await parse('vitest/vitest-junit.xml');
    expect(report!.results[0]!.output).toBe('48 periods');
    expect(report!.results.find((r) => r.name.includes('[TC-0003]'))?.message).toBe(
      'bad date "2025-13-01" & <nothing>',
    );
    expect(report!.timestamp).toBe('2026-11-28T12:06:44.300Z');
  });
});

describe('parseJunit on bad input', () => {
  test('an entity bomb is refused with a diagnostic at its DOCTYPE, and never expanded', async () => {
    const { report, diagnostics } = await parse('error/entity-bomb.xml');
    expect(report).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'junit-doctype',
        severity: 'error',
        source: { file: 'error/entity-bomb.xml', line: 2, column: 1 },
      }),
    ]);
  });

  test('a DOCTYPE in CDATA or a comment is text: a web test that prints an HTML page keeps its report', () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- made by hand -->\n<testsuite name="web" tests="1">\n' +
      '<testcase name="renders the page [TC-0001]"><system-out><![CDATA[<!DOCTYPE html>\n<html></html>]]></system-out>' +
      '<!-- <!DOCTYPE x [<!ENTITY a "b">]> --></testcase>\n</testsuite>\n';
    const { report, diagnostics } = parseJunit(xml, 'web.xml');
    expect(diagnostics).toEqual([]);
    expect(report?.results.map((r) => r.name)).toEqual(['renders the page [TC-0001]']);
  });

  test('a DOCTYPE inside the root element is not XML: a syntax error at its position, nothing parsed', () => {
    const { report, diagnostics } = parseJunit(
      '<testsuite name="s">\n  <!DOCTYPE x [<!ENTITY a "b">]>\n  <testcase name="&a;"/>\n</testsuite>',
      'mid.xml',
    );
    expect(report).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'junit-syntax', source: { file: 'mid.xml', line: 2, column: 3 } }),
    ]);
  });

  test('malformed XML gives a diagnostic with file, line and column', async () => {
    const { diagnostics } = await parse('error/malformed.xml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'junit-syntax',
      source: { file: 'error/malformed.xml', line: 6, column: 5 },
    });
    expect(diagnostics[0]!.message).toContain("Expected closing tag 'failure'");
  });

  test('an XML file that is not a JUnit report says so', async () => {
    const { diagnostics } = await parse('error/not-junit.xml');
    expect(diagnostics.map((d) => d.code)).toEqual(['junit-shape']);
  });

  test('an entity declared without a DOCTYPE line is refused too, and unknown entity references stay literal', () => {
    expect(parseJunit('<!ENTITY x "y"><testsuite/>', 'a.xml').diagnostics[0]?.code).toBe('junit-doctype');
    const { report } = parseJunit(
      '<testsuite name="s"><testcase name="a &amp; &x; b"/></testsuite>',
      'b.xml',
    );
    expect(report?.results[0]?.name).toBe('a & &x; b');
  });
});
