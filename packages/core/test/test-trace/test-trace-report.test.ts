import { join } from 'node:path';
import {
  buildTestTrace,
  type LoadedRepository,
  loadRepository,
  type TestTraceReport,
  testTraceReport,
} from '@tracery/core';
import { renderTestTrace, TEST_TRACE_FORMATS } from '@tracery/core/render';
import { TestTraceReportSchema } from '@tracery/core/schemas';
import { beforeAll, describe, expect, test } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'trace');
let loaded: LoadedRepository;
let report: TestTraceReport;

beforeAll(async () => {
  loaded = await loadRepository(join(FIXTURES, 'repo'));
  report = (await buildTestTrace(loaded)).report;
});

describe('the test-trace report', () => {
  test('the fixture repository loads cleanly', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  test('gives each requirement its verdict from design coverage and the latest results', () => {
    expect(Object.fromEntries(report.requirements.map((r) => [r.id, r.verdict]))).toEqual({
      'REQ-0001': 'passing',
      'REQ-0002': 'failing',
      'REQ-0003': 'not-run',
      'REQ-0004': 'not-run',
      'REQ-0005': 'not-verified',
      'REQ-0006': 'not-satisfied',
    });
    const req1 = report.requirements[0]!;
    expect(req1.verifiedBy).toEqual([
      expect.objectContaining({ id: 'TC-0001', status: 'passed', file: 'results/vitest-junit.xml', runs: 1 }),
      expect.objectContaining({
        id: 'TC-0005',
        status: 'flaky',
        file: 'results/TEST-dev.tracery.fixture.SettlementTest.xml',
      }),
    ]);
    expect(report.requirements[1]!.verifiedBy[0]?.message).toBe('expected 48 to be 46 // Object.is equality');
  });

  test('summarises by artefact, tranche and service, with coverage and passing percentages', () => {
    expect(report.summary).toEqual({
      key: 'all',
      requirements: 6,
      covered: 4,
      coveragePct: 66.7,
      passing: 1,
      passingPct: 16.7,
      failing: 1,
      notRun: 2,
      notVerified: 1,
      notSatisfied: 1,
      notCovered: 0,
    });
    expect(report.byTranche.map((r) => [r.key, r.coveragePct])).toEqual([
      ['T1', 100],
      ['T2', 33.3],
    ]);
    expect(report.byService.map((r) => r.key)).toEqual(['(none)', 'LSS', 'MDS']);
    expect(report.byArtefact.find((r) => r.key === 'MHHSP-BRS003')?.requirements).toBe(2);
  });

  test('lists TestCases without results, TestCases that verify nothing, and results no TestCase claims', () => {
    expect(report.testCasesWithoutResults).toEqual(['TC-0007', 'TC-0008']);
    expect(report.orphanTestCases).toEqual(['TC-0008']);
    expect(report.unmatchedResults).toHaveLength(7);
    expect(report.unmatchedResults.map((r) => r.file)).toEqual(
      [...report.unmatchedResults.map((r) => r.file)].sort(),
    );
  });

  test('without results every covered requirement is not run', () => {
    const bare = testTraceReport(loaded.model);
    expect(bare.summary).toMatchObject({ passing: 0, failing: 0, notRun: 4 });
    expect(bare.testCasesWithoutResults).toHaveLength(6);
  });

  test('the JSON rendering matches its schema and parses back to the report', () => {
    const json = JSON.parse(renderTestTrace(report, 'json'));
    expect(TestTraceReportSchema.parse(json)).toEqual(report);
  });

  test.each(TEST_TRACE_FORMATS)('the %s rendering matches its golden file', async (format) => {
    const ext = format === 'text' ? 'txt' : format;
    await expect(renderTestTrace(report, format)).toMatchFileSnapshot(
      join(FIXTURES, 'golden', `test-trace.${ext}`),
    );
  });

  test('the HTML page is self-contained and escapes what the design says', () => {
    const html = renderTestTrace(report, 'html');
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
    expect(html).toContain('Flaky rounding, with a | pipe and a, comma');
    expect(renderTestTrace(report, 'md')).toContain('Flaky rounding, with a \\| pipe and a, comma');
    expect(renderTestTrace(report, 'csv')).toContain('"Flaky rounding, with a | pipe and a, comma"');
  });

  test('the CSV is meant for a spreadsheet: a name that would run as a formula stays text, a number stays a number', () => {
    const first = report.requirements[0]!;
    const requirements = [
      { ...first, id: 'REQ-A', name: '=HYPERLINK("http://x")' },
      { ...first, id: 'REQ-B', name: '-1' },
    ];
    const rows = renderTestTrace({ ...report, requirements }, 'csv').split('\r\n');
    expect(rows[1]?.startsWith(`REQ-A,"'=HYPERLINK(""http://x"")",`)).toBe(true);
    expect(rows[2]?.startsWith('REQ-B,-1,')).toBe(true);
  });
});
