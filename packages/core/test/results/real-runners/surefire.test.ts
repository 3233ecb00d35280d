import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, golden, lssModel } from './golden.js';

// Maven Surefire's report of fixtures/junit/real-runners/surefire/LoadShapingTest.java (JUnit Jupiter),
// with phrased names (pom.xml): the @DisplayName of the class and of each test. Expected values come
// from LoadShapingTest.java. JUnit Jupiter runs methods in its own order, so no order is expected.

const CLASS = 'Lastprofil – load shaping';
const FILE = 'TEST-dev.tracery.fixture.LoadShapingTest.xml';

describe('Maven Surefire (JUnit Jupiter)', () => {
  test('each test case: its display name, the class display name as classname and suite, verdict (an exception is an error)', async () => {
    const { report, diagnostics } = await golden('surefire', FILE);
    expect(diagnostics).toEqual([]);
    const rows = report.results.map((r) => [r.name, r.classname, r.suites, r.status, r.type]);
    expect(rows.sort()).toEqual([
      ['clock-change day [TC-LSS-002]', CLASS, [CLASS], 'failed', 'org.opentest4j.AssertionFailedError'],
      ['fallback under METH005 [TC-LSS-003]', CLASS, [CLASS], 'error', 'java.lang.IllegalStateException'],
      ['names its requirement [REQ-LSS-001]', CLASS, [CLASS], 'passed', undefined],
      ['production volume [TC-LSS-007]', CLASS, [CLASS], 'skipped', undefined],
      ['shape covers 48 periods [TC-LSS-001]', CLASS, [CLASS], 'passed', undefined],
    ]);
  });

  test('messages, stdout and stderr with non-ASCII text, a time of at least the 50 ms slept; suite properties are not a test’s', async () => {
    const { report } = await golden('surefire', FILE);
    const shape = caseNamed(report, 'shape covers 48 periods [TC-LSS-001]');
    expect(shape).toMatchObject({
      output: 'Zählpunkt 1200012345678: 48 périodes ✓',
      errorOutput: 'avertissement: données estimées',
    });
    expect(shape.time).toBeGreaterThanOrEqual(0.05);
    // assertEquals(46, 24 * 2, message): expected 46, was 48.
    expect(caseNamed(report, 'clock-change day [TC-LSS-002]').message).toBe(
      'Zeitumstellung: 46 Perioden erwartet ==> expected: <46> but was: <48>',
    );
    expect(caseNamed(report, 'fallback under METH005 [TC-LSS-003]').message).toBe(
      'Kalender nicht geladen: MHHS-Kalender fehlt',
    );
    expect(caseNamed(report, 'production volume [TC-LSS-007]').message).toBe(
      'needs production-size data (≈ 30 M meters)',
    );
    // Surefire's <properties> are the JVM's system properties, on the suite: no test case has any.
    expect(report.results.filter((r) => Object.keys(r.properties).length > 0)).toEqual([]);
  });

  test('no timestamp: the report is ordered by its file’s time', async () => {
    const { report } = await golden('surefire', FILE);
    expect(report.timestamp).toBeUndefined();
    expect(report.startedAt).toBeUndefined();
  });

  test('links: [TC-...] tokens in display names link TestCases; [REQ-...] links nothing', async () => {
    const { report } = await golden('surefire', FILE);
    const linked = linkResults(lssModel(), [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-003', 'error'],
      ['TC-LSS-007', 'skipped'],
    ]);
    expect(linked.withoutResults).toEqual(['TC-LSS-008']);
    expect(linked.unmatched.map((r) => r.name)).toEqual(['names its requirement [REQ-LSS-001]']);
  });
});
