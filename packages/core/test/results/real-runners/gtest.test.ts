import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, expectStartInRun, golden, KOLKATA_AHEAD_MS, lssModel } from './golden.js';

// GoogleTest's report, written by load_shaping_test --gtest_output=xml (fixtures/junit/real-runners/gtest,
// regenerate.sh). Expected values come from load_shaping_test.cpp.

describe('GoogleTest', () => {
  test('each test case: the TEST name, the test suite as classname, verdict (a thrown exception is a failure)', async () => {
    const { report, diagnostics } = await golden('gtest', 'gtest.xml');
    expect(diagnostics).toEqual([]);
    expect(report.results.map((r) => [r.name, r.classname, r.suites, r.status])).toEqual([
      ['ShapeCovers48Periods', 'Lastprofil', ['Lastprofil'], 'passed'],
      ['ClockChangeDay', 'Lastprofil', ['Lastprofil'], 'failed'],
      ['FallbackUnderMeth005', 'Lastprofil', ['Lastprofil'], 'failed'],
      ['ProductionVolume', 'Lastprofil', ['Lastprofil'], 'skipped'],
      ['NamesItsRequirement', 'Lastprofil', ['Lastprofil'], 'passed'],
    ]);
  });

  test('messages with non-ASCII text, RecordProperty as properties, a time of at least the 50 ms slept', async () => {
    const { report } = await golden('gtest', 'gtest.xml');
    expect(report.results.map((r) => r.properties)).toEqual([
      { requirement: 'TC-LSS-001' },
      {},
      {},
      { requirement: 'TC-LSS-007' },
      { requirement: 'REQ-LSS-001' },
    ]);
    expect(caseNamed(report, 'ShapeCovers48Periods').time).toBeGreaterThanOrEqual(0.05);
    expect(caseNamed(report, 'ClockChangeDay').message).toContain('Zeitumstellung: 46 Perioden erwartet');
    expect(caseNamed(report, 'FallbackUnderMeth005').message).toContain(
      'Kalender nicht geladen: MHHS-Kalender fehlt',
    );
    expect(caseNamed(report, 'ProductionVolume').message).toContain(
      'needs production-size data (≈ 30 M meters)',
    );
    // GoogleTest does not put what a test prints in its XML.
    expect(report.results.filter((r) => r.output !== undefined || r.errorOutput !== undefined)).toEqual([]);
  });

  test('the timestamp is local time without a zone: right when results.timezone names the runner’s zone, 5 h 30 late as UTC', async () => {
    const { report, run } = await golden('gtest', 'gtest.xml', 'Asia/Kolkata');
    expect(run.tz).toBe('Asia/Kolkata');
    expect(report).toMatchObject({ timeSource: 'unzoned', timezone: 'Asia/Kolkata' });
    expectStartInRun(report, run);
    const asUtc = await golden('gtest', 'gtest.xml');
    expect(asUtc.report.timezone).toBe('UTC');
    expect(Date.parse(asUtc.report.startedAt!) - Date.parse(report.startedAt!)).toBe(KOLKATA_AHEAD_MS);
  });

  test('links: requirement properties and junit attributes (suite.test) link TestCases; a property naming a Requirement links nothing', async () => {
    const { report } = await golden('gtest', 'gtest.xml');
    const model = lssModel({
      'TC-LSS-002': 'Lastprofil.ClockChangeDay',
      'TC-LSS-003': 'Lastprofil.FallbackUnderMeth005',
    });
    const linked = linkResults(model, [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-003', 'failed'],
      ['TC-LSS-007', 'skipped'],
    ]);
    expect(linked.withoutResults).toEqual(['TC-LSS-008']);
    expect(linked.unmatched.map((r) => r.name)).toEqual(['NamesItsRequirement']);
    expect(linked.diagnostics[0]?.message).toContain('it names REQ-LSS-001 is a Requirement');
  });
});
