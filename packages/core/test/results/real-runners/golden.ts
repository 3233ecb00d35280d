import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMetamodel, Model, type TestResult } from '@tracery/core';
import { parseJunit, type TestReport } from '@tracery/core/advanced';
import { expect } from 'vitest';

// Helpers of the golden tests over reports that real runners wrote (fixtures/junit/real-runners,
// made by its regenerate.sh; see its README). The expected answers in the tests come from each
// suite's source, beside its report.

/** The folder of the golden reports. */
export const REAL_RUNNERS = join(import.meta.dirname, '..', '..', 'fixtures', 'junit', 'real-runners');

/** What regenerate.sh recorded about a run: tool versions, the runner's TZ, UTC instants around it. */
export type RunInfo = {
  readonly tools: string;
  readonly tz: string;
  readonly before: string;
  readonly after: string;
};

/** A report under fixtures/junit (`jest/jest-junit.xml`) parsed as Tracery reads it. */
export async function parseFixture(path: string, timezone?: string) {
  const text = await readFile(join(REAL_RUNNERS, '..', path), 'utf8');
  const { report, diagnostics } = parseJunit(text, path, timezone === undefined ? {} : { timezone });
  if (!report) throw new Error(`${path}: not read: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { report, diagnostics };
}

/** A golden report of real-runners/<dialect> parsed as Tracery reads it, with the run it came from. */
export async function golden(dialect: string, file: string, timezone?: string) {
  const run = JSON.parse(await readFile(join(REAL_RUNNERS, dialect, 'run.json'), 'utf8')) as RunInfo;
  return { ...(await parseFixture(`real-runners/${dialect}/${file}`, timezone)), run };
}

/** The result of the test case named `name`; fails the test when there is not exactly one. */
export function caseNamed(report: TestReport, name: string): TestResult {
  const found = report.results.filter((r) => r.name === name);
  expect(
    found.map((r) => r.name),
    `one test case named ${name}`,
  ).toEqual([name]);
  return found[0]!;
}

/**
 * The Load Shaping Service elements the suites name: the TestCases TC-LSS-001, -002, -003, -007 and
 * -008 (with a `junit` attribute where `junit` gives one), and the requirement REQ-LSS-001 (a
 * Requirement, to which no result links directly).
 */
export function lssModel(junit: Readonly<Record<string, string>> = {}): Model {
  const model = new Model(defaultMetamodel());
  for (const id of ['TC-LSS-001', 'TC-LSS-002', 'TC-LSS-003', 'TC-LSS-007', 'TC-LSS-008'])
    model.addElement({ id, kind: 'TestCase', name: id, attributes: junit[id] ? { junit: junit[id] } : {} });
  model.addElement({ id: 'REQ-LSS-001', kind: 'Requirement', name: 'Load shape', attributes: {} });
  return model;
}

/**
 * Asserts that a report's start is an instant inside its run: between the UTC instant recorded just
 * before the runner started (less one second, for runners that write whole seconds) and the one
 * recorded just after it ended.
 */
export function expectStartInRun(report: TestReport, run: RunInfo): void {
  const at = Date.parse(report.startedAt ?? '');
  expect(at).toBeGreaterThanOrEqual(Date.parse(run.before) - 1000);
  expect(at).toBeLessThanOrEqual(Date.parse(run.after));
}

/** Milliseconds a zone is ahead of UTC: Asia/Kolkata, where regenerate.sh runs the runners, is 5 h 30 ahead. */
export const KOLKATA_AHEAD_MS = (5 * 60 + 30) * 60 * 1000;
