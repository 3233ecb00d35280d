import { textTable } from '../report/text-table.js';
import type { TestTraceReport } from './test-trace-report.js';
import {
  REQUIREMENT_HEADERS,
  requirementCells,
  resultFileLine,
  SUMMARY_HEADERS,
  SUMMARY_NUMERIC,
  summaryCells,
} from './test-trace-rows.js';

/**
 * The test-trace report as plain text for a terminal: the overall figures, the requirements, the
 * summaries by artefact, tranche and service, and what could not be linked.
 *
 * @example
 * process.stdout.write(renderTestTraceText(report));
 */
export function renderTestTraceText(report: TestTraceReport): string {
  const s = report.summary;
  const lines = [
    report.title,
    `${s.requirements} requirements: ${s.coveragePct.toFixed(1)}% covered, ${s.passingPct.toFixed(1)}% passing; ${s.passing} passing, ${s.failing} failing, ${s.notRun} not run, ${s.notVerified} not verified, ${s.notSatisfied} not satisfied, ${s.notCovered} not covered`,
    '',
    textTable(REQUIREMENT_HEADERS, report.requirements.map(requirementCells)),
  ];
  for (const [title, rows] of [
    ['By artefact', report.byArtefact],
    ['By tranche', report.byTranche],
    ['By service', report.byService],
  ] as const) {
    lines.push('', title, textTable(SUMMARY_HEADERS, rows.map(summaryCells), SUMMARY_NUMERIC));
  }
  const unmatched = report.unmatchedResults.map(
    (r) => `  ${r.file}: ${r.classname} > ${r.name} (${r.status})`,
  );
  lines.push('', `TestCases without results: ${report.testCasesWithoutResults.join(', ') || 'none'}`);
  lines.push(`TestCases that verify nothing: ${report.orphanTestCases.join(', ') || 'none'}`);
  lines.push(`Requirements left out (status): ${report.excludedRequirements.join(', ') || 'none'}`);
  lines.push(`Results linked to no TestCase: ${unmatched.length === 0 ? 'none' : ''}`, ...unmatched);
  lines.push(
    `Results files, oldest first (the latest run counts): ${report.resultFiles.length === 0 ? 'none' : ''}`,
    ...report.resultFiles.map((f) => `  ${resultFileLine(f)}`),
  );
  return `${lines.join('\n')}\n`;
}
