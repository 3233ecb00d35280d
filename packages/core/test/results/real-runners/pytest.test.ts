import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, expectStartInRun, golden, lssModel } from './golden.js';

// pytest's two JUnit families, written by pytest from fixtures/junit/real-runners/pytest/test_load_shaping.py
// (regenerate.sh: -o junit_logging=out-err; xunit1 with -o junit_suite_name=load-shaping).
// Every expected value below is what that file's tests do, not what the parser printed.

const FAMILIES = [
  ['pytest-xunit1.xml', 'load-shaping'],
  ['pytest-xunit2.xml', 'pytest'],
] as const;

describe.each(FAMILIES)('pytest %s', (file, suite) => {
  test('each test case: its name (function, and parametrised id in brackets), module as classname, verdict', async () => {
    const { report, diagnostics } = await golden('pytest', file);
    expect(diagnostics).toEqual([]);
    expect(report.results.map((r) => [r.name, r.classname, r.suites, r.status])).toEqual([
      ['test_shape_covers_48_periods', 'test_load_shaping', [suite], 'passed'],
      ['test_clock_change_day[TC-LSS-002]', 'test_load_shaping', [suite], 'failed'],
      // A fixture that raises is an error, not a failure: the test body never ran.
      ['test_fallback_uses_calendar[TC-LSS-003]', 'test_load_shaping', [suite], 'error'],
      ['test_production_volume[TC-LSS-007]', 'test_load_shaping', [suite], 'skipped'],
      ['test_requirement_token_in_name[REQ-LSS-001]', 'test_load_shaping', [suite], 'passed'],
    ]);
  });

  test('messages, the requirement property, non-ASCII stdout and stderr, and a time of at least the 50 ms slept', async () => {
    const { report } = await golden('pytest', file);
    const shape = caseNamed(report, 'test_shape_covers_48_periods');
    expect(shape.properties).toEqual({ requirement: 'TC-LSS-001' });
    expect(shape.output).toContain('Zählpunkt 1200012345678: 48 périodes ✓');
    expect(shape.errorOutput).toContain('avertissement: données estimées');
    expect(shape.time).toBeGreaterThanOrEqual(0.05);
    expect(caseNamed(report, 'test_clock_change_day[TC-LSS-002]').message).toContain(
      'Zeitumstellung: 46 Perioden erwartet',
    );
    expect(caseNamed(report, 'test_fallback_uses_calendar[TC-LSS-003]').message).toContain(
      'RuntimeError: Kalender nicht geladen: MHHS-Kalender fehlt',
    );
    expect(caseNamed(report, 'test_production_volume[TC-LSS-007]').message).toBe(
      'needs production-size data (≈ 30 M meters)',
    );
    for (const r of report.results.slice(1)) expect(r.properties).toEqual({});
  });

  test('the timestamp carries its zone (+05:30, the TZ the run had): results.timezone does not change it', async () => {
    const { report, run } = await golden('pytest', file);
    expect(run.tz).toBe('Asia/Kolkata');
    expect(report.timestamp).toMatch(/\+05:30$/);
    expect(report.timeSource).toBe('zoned');
    expectStartInRun(report, run);
    const inLondon = await golden('pytest', file, 'Europe/London');
    expect(inLondon.report.startedAt).toBe(report.startedAt);
  });

  test('links: a requirement property and [TC-...] ids link TestCases; a [REQ-...] token names a Requirement and links nothing', async () => {
    const { report } = await golden('pytest', file);
    const linked = linkResults(lssModel(), [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-003', 'error'],
      ['TC-LSS-007', 'skipped'],
    ]);
    expect(linked.withoutResults).toEqual(['TC-LSS-008']);
    expect(linked.unmatched.map((r) => r.name)).toEqual(['test_requirement_token_in_name[REQ-LSS-001]']);
    expect(linked.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('it names REQ-LSS-001 is a Requirement'),
    ]);
  });
});
