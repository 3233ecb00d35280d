import { join } from 'node:path';
import { bpmnSourceLoader } from '@tracery/bpmn';
import {
  buildTestTrace,
  type CheckReport,
  checkRepository,
  type LoadedRepository,
  loadRepository,
  related,
  type TestTraceReport,
} from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';

// One coverage: the test-trace report (and --fail-under, which reads its summary) and `tracery check`
// read the same coverage function, so they say the same thing about every requirement.
const MHHS = join(import.meta.dirname, '..', 'mhhs');
let loaded: LoadedRepository;
let report: TestTraceReport;
let check: CheckReport;

beforeAll(async () => {
  loaded = await loadRepository(MHHS, { loaders: [bpmnSourceLoader()] });
  report = (await buildTestTrace(loaded)).report;
  check = await checkRepository(loaded);
});

/** Requirements a rule flags, whether its finding is reported or suppressed (accepted, config). */
function flagged(rule: string): string[] {
  const ids = [...check.findings, ...check.suppressed]
    .filter((f) => f.rule === rule)
    .map((f) => f.elementId ?? '');
  return [...new Set(ids)].sort();
}

describe('the MHHS test-trace report and tracery check agree requirement by requirement', () => {
  test('not verified: the requirements the report shows with no verifying test are the ones the rule flags', () => {
    const unverified = report.requirements.filter((r) => r.verifiedBy.length === 0).map((r) => r.id);
    expect(unverified.length).toBeGreaterThan(0);
    expect(flagged('requirement-not-verified')).toEqual(unverified);
  });

  test('not satisfied: the same both ways', () => {
    const unsatisfied = report.requirements.filter((r) => r.missing.includes('satisfiedBy')).map((r) => r.id);
    expect(flagged('requirement-not-satisfied')).toEqual(unsatisfied);
  });

  test('a requirement refined by sub-requirements is not verified through them (REQ-LSS-007)', () => {
    // Given REQ-LSS-007, which sub-requirements refine and no test verifies directly,
    expect(related(loaded.model, 'REQ-LSS-007', 'refinedBy').length).toBeGreaterThan(0);
    expect(related(loaded.model, 'REQ-LSS-007', 'verifiedBy')).toEqual([]);
    // then both the report and the rule call it not verified.
    expect(report.requirements.find((r) => r.id === 'REQ-LSS-007')?.verifiedBy).toEqual([]);
    expect(flagged('requirement-not-verified')).toContain('REQ-LSS-007');
  });

  test("the report's covered count is the requirements the rules leave alone", () => {
    const ruled = new Set([...flagged('requirement-not-verified'), ...flagged('requirement-not-satisfied')]);
    const notCovered = new Set(
      [...check.findings, ...check.suppressed]
        .filter((f) => f.rule === 'coverage-not-met')
        .map((f) => f.elementId ?? ''),
    );
    const clean = report.requirements.filter((r) => !ruled.has(r.id) && !notCovered.has(r.id));
    expect(report.summary.covered).toBe(clean.length);
  });
});
