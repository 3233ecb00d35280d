import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, expectStartInRun, golden, KOLKATA_AHEAD_MS, lssModel } from './golden.js';

// CTest's report (ctest --output-junit), over the tests that fixtures/junit/real-runners/gtest/CMakeLists.txt
// registers: one per GoogleTest test (named with a [TC-...] or [REQ-...] token) and one whose executable
// is missing. Expected values come from CMakeLists.txt and load_shaping_test.cpp.

const names = [
  'shape covers 48 periods [TC-LSS-001]',
  'clock-change day [TC-LSS-002]',
  'fallback under METH005 [TC-LSS-003]',
  'production volume [TC-LSS-007]',
  'names its requirement [REQ-LSS-001]',
  'settlement calendar [TC-LSS-008]',
];

describe('CTest', () => {
  test('each test case: the add_test name (also the classname), verdict from status=', async () => {
    const { report, diagnostics } = await golden('gtest', 'ctest-junit.xml');
    expect(diagnostics).toEqual([]);
    expect(report.results.map((r) => [r.name, r.classname, r.status])).toEqual([
      [names[0], names[0], 'passed'],
      [names[1], names[1], 'failed'],
      // CTest only sees the exit code: the exception is a failure.
      [names[2], names[2], 'failed'],
      // SKIP_REGULAR_EXPRESSION matched GoogleTest's "[  SKIPPED ]".
      [names[3], names[3], 'skipped'],
      [names[4], names[4], 'passed'],
      // The executable does not exist: CTest writes status="notrun" with <skipped>, yet lists it as
      // failed ("Not Run"), as it does a missing REQUIRED_FILES or a failed fixture: an error.
      [names[5], names[5], 'error'],
    ]);
  });

  test('stdout and stderr of the test, merged, with non-ASCII text; skip messages; times', async () => {
    const { report } = await golden('gtest', 'ctest-junit.xml');
    const shape = caseNamed(report, names[0]!);
    expect(shape.output).toContain('Zählpunkt 1200012345678: 48 périodes ✓');
    expect(shape.output).toContain('avertissement: données estimées');
    expect(shape.time).toBeGreaterThanOrEqual(0.05);
    expect(caseNamed(report, names[1]!).output).toContain('Zeitumstellung: 46 Perioden erwartet');
    expect(caseNamed(report, names[3]!).message).toBe('SKIP_REGULAR_EXPRESSION_MATCHED');
    expect(caseNamed(report, names[5]!).message).toBe('Unable to find executable');
    expect(report.results.filter((r) => r.errorOutput !== undefined)).toEqual([]);
  });

  test('the timestamp is local time without a zone: right when results.timezone names the runner’s zone, 5 h 30 late as UTC', async () => {
    const { report, run } = await golden('gtest', 'ctest-junit.xml', 'Asia/Kolkata');
    expect(report).toMatchObject({ timeSource: 'unzoned', timezone: 'Asia/Kolkata' });
    expectStartInRun(report, run);
    const asUtc = await golden('gtest', 'ctest-junit.xml');
    expect(Date.parse(asUtc.report.startedAt!) - Date.parse(report.startedAt!)).toBe(KOLKATA_AHEAD_MS);
  });

  test('links: [TC-...] tokens in add_test names link TestCases; [REQ-...] links nothing', async () => {
    const { report } = await golden('gtest', 'ctest-junit.xml');
    const linked = linkResults(lssModel(), [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-003', 'failed'],
      ['TC-LSS-007', 'skipped'],
      ['TC-LSS-008', 'error'],
    ]);
    expect(linked.unmatched.map((r) => r.name)).toEqual([names[4]]);
    expect(linked.diagnostics[0]?.message).toContain('it names REQ-LSS-001 is a Requirement');
  });
});
