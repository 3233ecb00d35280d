import { linkResults } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { caseNamed, expectStartInRun, golden, KOLKATA_AHEAD_MS, lssModel, parseFixture } from './golden.js';

// jest-junit's report, written by Jest with jest-junit from fixtures/junit/real-runners/jest/load-shaping.test.js
// (regenerate.sh; junitTestCaseProperties.js adds the requirement property). jest-junit's default
// templates make both classname and name "<describe> <test title>". Expected values come from the source.

const D = 'Lastprofil – load shaping';
const REQ_TOKEN = `${D} names its requirement [REQ-LSS-001]`;
const TODO = `${D} integration with the settlement calendar [TC-LSS-008]`;

describe('Jest with jest-junit', () => {
  test('each test case: name and classname, suite, verdict (a thrown error is a failure: jest-junit has no error)', async () => {
    const { report } = await golden('jest', 'jest-junit.xml');
    expect(report.results.map((r) => [r.name, r.classname === r.name, r.suites, r.status])).toEqual([
      [`${D} shape covers 48 periods`, true, [D], 'passed'],
      [`${D} clock-change day has 46 periods [TC-LSS-002]`, true, [D], 'failed'],
      [`${D} fallback under METH005 [TC-LSS-003]`, true, [D], 'failed'],
      [`${D} production volume, ≈ 30 M meters [TC-LSS-007]`, true, [D], 'skipped'],
      // An instant test that Jest timed at 0 ms: jest-junit writes it exactly as it writes a todo (below).
      [REQ_TOKEN, true, [D], 'skipped'],
      [TODO, true, [D], 'skipped'],
    ]);
  });

  test('test.todo has no <skipped/> in the report, yet reads as not run; with a 0 ms pass beside it, both do, with a warning', async () => {
    const { report, diagnostics } = await golden('jest', 'jest-junit.xml');
    // The precondition of the ambiguity: the instant test really was timed at 0 ms.
    expect(caseNamed(report, REQ_TOKEN).time).toBe(0);
    expect(caseNamed(report, TODO).message).toMatch(/^todo, or passed in under a millisecond/);
    // No count mismatch: the todo is what jest-junit left out of tests="5" (6 test cases).
    expect(diagnostics.map((d) => [d.code, d.severity, d.source?.line])).toEqual([
      ['junit-todo', 'warning', 3],
    ]);
    expect(diagnostics[0]?.message).toContain(`"${REQ_TOKEN}", "${TODO}"`);
    expect(diagnostics[0]?.message).toContain('test.skip');
  });

  test('a todo beside tests that took time is read as not run for certain, with no warning (Jest 29 report)', async () => {
    // fixtures/junit/jest: a pass in 2 ms, a failure, a test.skip and test.todo('a leap second [TC-0006]').
    const { report, diagnostics } = await parseFixture('jest/jest-junit.xml');
    const todo = caseNamed(report, 'settlement periods a leap second [TC-0006]');
    expect(todo.status).toBe('skipped');
    expect(todo.message).toMatch(/^todo: jest-junit writes test.todo with no <skipped\/>/);
    expect(caseNamed(report, 'settlement periods a normal day has 48 periods [TC-0001]').status).toBe(
      'passed',
    );
    expect(diagnostics).toEqual([]);
  });

  test('failure messages, the requirement property (testCasePropertiesFile), a time of at least the 50 ms waited', async () => {
    const { report } = await golden('jest', 'jest-junit.xml');
    const shape = caseNamed(report, `${D} shape covers 48 periods`);
    expect(shape.properties).toEqual({ requirement: 'TC-LSS-001' });
    expect(shape.time).toBeGreaterThanOrEqual(0.05);
    expect(caseNamed(report, `${D} clock-change day has 46 periods [TC-LSS-002]`).message).toContain(
      '.toBe(',
    );
    expect(caseNamed(report, `${D} fallback under METH005 [TC-LSS-003]`).message).toBe(
      'Error: Kalender nicht geladen: MHHS-Kalender fehlt',
    );
    // jest-junit writes console output once per suite (JSON in the suite's system-out), never per test.
    expect(report.results.filter((r) => r.output !== undefined || r.errorOutput !== undefined)).toEqual([]);
  });

  test('the timestamp is UTC without a zone: right as UTC, 5 h 30 early when read in the runner’s own zone', async () => {
    const { report, run } = await golden('jest', 'jest-junit.xml');
    expect(report.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(report).toMatchObject({ timeSource: 'unzoned', timezone: 'UTC' });
    expectStartInRun(report, run);
    // results.timezone applies to every report without a zone: set it for local-time runners only.
    const local = await golden('jest', 'jest-junit.xml', run.tz);
    expect(Date.parse(report.startedAt!) - Date.parse(local.report.startedAt!)).toBe(KOLKATA_AHEAD_MS);
  });

  test('links: the property and [TC-...] tokens link TestCases, the todo links as not run, [REQ-...] links nothing', async () => {
    const { report } = await golden('jest', 'jest-junit.xml');
    const linked = linkResults(lssModel(), [report]);
    expect(linked.testCases.map((t) => [t.testCase, t.latest.status])).toEqual([
      ['TC-LSS-001', 'passed'],
      ['TC-LSS-002', 'failed'],
      ['TC-LSS-003', 'failed'],
      ['TC-LSS-007', 'skipped'],
      ['TC-LSS-008', 'skipped'],
    ]);
    expect(linked.withoutResults).toEqual([]);
    expect(linked.unmatched.map((r) => r.name)).toEqual([REQ_TOKEN]);
    expect(linked.diagnostics[0]?.message).toContain('it names REQ-LSS-001 is a Requirement');
  });
});
