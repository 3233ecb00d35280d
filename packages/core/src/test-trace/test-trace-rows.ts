import type { SummaryRow } from './summarise.js';
import {
  type RequirementTrace,
  type TestTraceReport,
  VERDICT_LABELS,
  type VerifyingTest,
} from './test-trace-report.js';

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
  'not covered',
] as const;

/** The numeric columns of a summary table (right-aligned). */
export const SUMMARY_NUMERIC = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** How a results file's time was read, as one line: `results/gtest.xml: 2026-11-28T12:07:09.619 (no zone: read as UTC)`. */
export function resultFileLine(file: TestTraceReport['resultFiles'][number]): string {
  switch (file.timeSource) {
    case 'zoned':
      return `${file.file}: ${file.timestamp}`;
    case 'unzoned':
      return `${file.file}: ${file.timestamp} (no zone: read as ${file.timezone ?? 'UTC'}, ${file.startedAt})`;
    case 'file-time':
      return `${file.file}: no timestamp; ordered by its file modification time`;
    default:
      return `${file.file}: no timestamp; ordered as found`;
  }
}

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
    row.notCovered,
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
    verdictText(r),
  ];
}

/** The verdict of a requirement as it reads, with why it is not covered and what did not count. */
export function verdictText(r: RequirementTrace): string {
  const why =
    r.verdict !== 'not-covered'
      ? ''
      : r.coverage === 'cycle'
        ? ' (on a cycle of coverage)'
        : r.missing.length > 0
          ? ` (needs ${r.missing.join(', ')})`
          : ' (something below is not covered)';
  const ignored = r.ignored.map((i) => `${i.relation} ${i.by} (${i.reason})`).join(', ');
  return `${VERDICT_LABELS[r.verdict]}${why}${ignored ? `; not counted: ${ignored}` : ''}`;
}
