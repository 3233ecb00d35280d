import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkResults, parseJunit } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import {
  caseNamed,
  expectStartInRun,
  golden,
  KOLKATA_AHEAD_MS,
  lssModel,
  parseFixture,
  REAL_RUNNERS,
} from './golden.js';

// jest-junit's report, written by Jest with jest-junit from fixtures/junit/real-runners/jest/load-shaping.test.js
// (regenerate.sh; junitTestCaseProperties.js adds the requirement property). jest-junit's default
// templates make both classname and name "<describe> <test title>". Expected values come from the source.

const D = 'Lastprofil – load shaping';
const REQ_TOKEN = `${D} names its requirement [REQ-LSS-001]`;
const TODO = `${D} integration with the settlement calendar [TC-LSS-008]`;

describe('Jest with jest-junit', () => {
  test('each test case: name and classname, suite, verdict (a thrown error is a failure: jest-junit has no error)', async () => {
    const { report } = await golden('jest', 'jest-junit.xml');
    // An instant test that Jest timed at 0 ms is written exactly as a todo is: both then read as not
    // run (the committed report is such a run; a regenerated one may time it at 1 ms, and pass it).
    const instant = caseNamed(report, REQ_TOKEN).time === 0;
    expect(report.results.map((r) => [r.name, r.classname === r.name, r.suites, r.status])).toEqual([
      [`${D} shape covers 48 periods`, true, [D], 'passed'],
      [`${D} clock-change day has 46 periods [TC-LSS-002]`, true, [D], 'failed'],
      [`${D} fallback under METH005 [TC-LSS-003]`, true, [D], 'failed'],
      [`${D} production volume, ≈ 30 M meters [TC-LSS-007]`, true, [D], 'skipped'],
      [REQ_TOKEN, true, [D], instant ? 'skipped' : 'passed'],
      [TODO, true, [D], 'skipped'],
    ]);
  });

  test('test.todo has no <skipped/> in the report, yet reads as not run; with a 0 ms pass beside it, both do, with a warning', async () => {
    const { report, diagnostics } = await golden('jest', 'jest-junit.xml');
    // No count mismatch either way: the todo is what jest-junit left out of tests="5" (6 test cases).
    if (caseNamed(report, REQ_TOKEN).time !== 0) {
      // A regenerated report where the instant test took 1 ms: the todo is certain (as in the test below).
      expect(caseNamed(report, TODO).message).toMatch(/^todo: /);
      expect(diagnostics).toEqual([]);
      return;
    }
    // The committed report: the instant test really was timed at 0 ms, so it cannot be told from the todo.
    expect(caseNamed(report, TODO).message).toMatch(/^todo, or passed in under a millisecond/);
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

  test('the timestamp is UTC without a zone: read as UTC even when results.timezone names a local zone', async () => {
    const { report, run } = await golden('jest', 'jest-junit.xml');
    expect(report.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(report).toMatchObject({ timeSource: 'unzoned', timezone: 'UTC' });
    expectStartInRun(report, run);
    // results.timezone is for runners that write local time (gtest, ctest): the jest-junit root keeps UTC.
    const local = await golden('jest', 'jest-junit.xml', run.tz);
    expect(local.report).toMatchObject({ startedAt: report.startedAt, timezone: 'UTC' });
  });

  test('a report whose root is not named "jest tests" (jest-junit told another suiteName) follows results.timezone', async () => {
    const { report, run } = await golden('jest', 'jest-junit.xml');
    const text = await readFile(join(REAL_RUNNERS, 'jest', 'jest-junit.xml'), 'utf8');
    const renamed = parseJunit(
      text.replace('<testsuites name="jest tests"', '<testsuites name="web"'),
      'r.xml',
      {
        timezone: run.tz,
      },
    ).report!;
    expect(renamed.timezone).toBe('Asia/Kolkata');
    expect(Date.parse(report.startedAt!) - Date.parse(renamed.startedAt!)).toBe(KOLKATA_AHEAD_MS);
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
