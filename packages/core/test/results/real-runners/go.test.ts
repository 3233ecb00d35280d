import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, expectStartInRun, golden, lssModel } from './golden.js';

// gotestsum's JUnit report of `go test` over fixtures/junit/real-runners/go/load_shaping_test.go.
// Go writes a subtest as Parent/sub_name (spaces become underscores) and reports the parent too.
// Expected values come from load_shaping_test.go.

const PKG = 'example.com/loadshaping';

describe('Go with gotestsum', () => {
  test('each test and subtest is a test case, the package its classname; a parent fails with its subtest', async () => {
    const { report, diagnostics } = await golden('go', 'gotestsum-junit.xml');
    expect(diagnostics).toEqual([]);
    const rows = report.results.map((r) => [r.name, r.classname, r.status]);
    expect(rows.sort()).toEqual([
      ['TestClockChangeDay', PKG, 'failed'],
      ['TestClockChangeDay/46_periods_[TC-LSS-002]', PKG, 'failed'],
      ['TestNamesItsRequirement', PKG, 'passed'],
      ['TestNamesItsRequirement/[REQ-LSS-001]', PKG, 'passed'],
      // t.Skip in a subtest skips the subtest; its parent passes.
      ['TestProductionVolume', PKG, 'passed'],
      ['TestProductionVolume/30_M_meters_[TC-LSS-007]', PKG, 'skipped'],
      ['TestShape', PKG, 'passed'],
      ['TestShape/covers_48_periods_[TC-LSS-001]', PKG, 'passed'],
    ]);
  });

  test('messages with non-ASCII text and a time of at least the 50 ms slept', async () => {
    const { report } = await golden('go', 'gotestsum-junit.xml');
    expect(caseNamed(report, 'TestShape/covers_48_periods_[TC-LSS-001]').time).toBeGreaterThanOrEqual(0.05);
    expect(caseNamed(report, 'TestProductionVolume/30_M_meters_[TC-LSS-007]').message).toContain(
      'needs production-size data (≈ 30 M meters)',
    );
    // gotestsum's failure message is "Failed"; t.Errorf's text is in the failure's body.
    expect(caseNamed(report, 'TestClockChangeDay/46_periods_[TC-LSS-002]').message).toBe('Failed');
    // gotestsum writes no output of passing tests.
    expect(report.results.filter((r) => r.output !== undefined)).toEqual([]);
  });

  test('the timestamp carries its zone (+05:30, the TZ the run had)', async () => {
    const { report, run } = await golden('go', 'gotestsum-junit.xml', 'Europe/London');
    expect(report.timestamp).toMatch(/\+05:30$/);
    expect(report.timeSource).toBe('zoned');
    expectStartInRun(report, run);
  });

  test('links: [TC-...] tokens in subtest names link TestCases; parents and [REQ-...] link nothing', async () => {
    const { report } = await golden('go', 'gotestsum-junit.xml');
    const linked = linkResults(lssModel(), [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-007', 'skipped'],
    ]);
    expect(linked.withoutResults).toEqual(['TC-LSS-003', 'TC-LSS-008']);
    expect(linked.unmatched.map((r) => r.name)).toEqual([
      'TestClockChangeDay',
      'TestNamesItsRequirement',
      'TestNamesItsRequirement/[REQ-LSS-001]',
      'TestProductionVolume',
      'TestShape',
    ]);
  });
});
