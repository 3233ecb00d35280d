import type { SummaryRow } from './summarise.js';
import { type RequirementTrace, VERDICT_LABELS, type VerifyingTest } from './test-trace-report.js';

/** The headers of a summary table, in every rendering. */
export const SUMMARY_HEADERS = [
  'group',
  'requirements',
  'covered',
  'coverage %',
  'passing',
  'passing %',
  'failing',
  'not run',
  'not verified',
  'not satisfied',
] as const;

/** The numeric columns of a summary table (right-aligned). */
export const SUMMARY_NUMERIC = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** A summary row as table cells. */
export function summaryCells(row: SummaryRow): (string | number)[] {
  return [
    row.key,
    row.requirements,
    row.covered,
    row.coveragePct.toFixed(1),
    row.passing,
    row.passingPct.toFixed(1),
    row.failing,
    row.notRun,
    row.notVerified,
    row.notSatisfied,
  ];
}

/** A verifying test and its latest result, as `TC-LSS-001 (failed)`. */
export function testCell(test: VerifyingTest): string {
  return `${test.id} (${test.status})`;
}

/** The headers of the requirements table. */
export const REQUIREMENT_HEADERS = [
  'requirement',
  'tranche',
  'satisfied by',
  'verified by (latest result)',
  'verdict',
] as const;

/** A requirement as table cells (lists joined with `, `). */
export function requirementCells(r: RequirementTrace): string[] {
  return [
    `${r.id} ${r.name}`,
    r.tranche ?? '',
    r.satisfiedBy.join(', '),
    r.verifiedBy.map(testCell).join(', '),
    VERDICT_LABELS[r.verdict],
  ];
}
