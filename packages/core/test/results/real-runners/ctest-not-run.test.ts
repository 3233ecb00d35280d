import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { golden, REAL_RUNNERS } from './golden.js';

// CTest's ways of not running a test (fixtures/junit/real-runners/ctest/CMakeLists.txt). CTest writes
// all of them as status="notrun" (or "disabled") in its JUnit report; its own console summary, kept in
// ctest-output.txt, says which it counts as skipped and which as failed. Tracery must agree with it.

/** CTest's verdict per test from its summary: "(Skipped)"/"(Disabled)" did not run, "(Failed)", "(Not Run)". */
async function ctestSummary(): Promise<Map<string, string>> {
  const text = await readFile(join(REAL_RUNNERS, 'ctest', 'ctest-output.txt'), 'utf8');
  const verdicts = new Map<string, string>();
  for (const m of text.matchAll(/^\s+\d+ - (.+) \((Skipped|Disabled|Failed|Not Run)\)$/gm))
    verdicts.set(m[1]!, m[2]!);
  return verdicts;
}

const TRACERY_VERDICT: Readonly<Record<string, string>> = {
  Skipped: 'skipped',
  Disabled: 'skipped',
  Failed: 'failed',
  // Listed by CTest under FAILED: the test could not start (missing executable, files or fixture).
  'Not Run': 'error',
};

describe('CTest tests that did not run', () => {
  test('read as CTest counts them: skipped when the test asked for it or is disabled, else an error', async () => {
    const { report, diagnostics } = await golden('ctest', 'ctest-junit.xml');
    expect(diagnostics).toEqual([]);
    const summary = await ctestSummary();
    expect([...summary.keys()].sort()).toEqual(report.results.map((r) => r.name).sort());
    for (const r of report.results)
      expect([r.name, r.status]).toEqual([r.name, TRACERY_VERDICT[summary.get(r.name)!]]);
    expect(report.results.map((r) => [r.name, r.message])).toEqual([
      ['asks to be skipped [TC-LSS-007]', 'SKIP_RETURN_CODE=77'],
      ['disabled', undefined],
      ['needs a missing file', 'Required Files Missing'],
      ['calendar database setup', ''],
      ['needs the calendar database', 'Fixture dependency failed'],
      ['missing executable [TC-LSS-008]', 'Unable to find executable'],
    ]);
  });
});
