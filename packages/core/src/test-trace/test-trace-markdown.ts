import { markdownTable } from '../report/markdown-table.js';
import type { TestTraceReport } from './test-trace-report.js';
import {
  REQUIREMENT_HEADERS,
  requirementCells,
  resultFileLine,
  SUMMARY_HEADERS,
  SUMMARY_NUMERIC,
  summaryCells,
} from './test-trace-rows.js';

const align = SUMMARY_HEADERS.map(
  (_, i) => ((SUMMARY_NUMERIC as readonly number[]).includes(i) ? 'right' : 'left') as 'left' | 'right',
);

function list(items: readonly string[]): string {
  return items.length === 0 ? '_None._\n' : `${items.map((i) => `- ${i}`).join('\n')}\n`;
}

/**
 * The test-trace report as Markdown: summary tables, the requirements table, and lists of what
 * could not be linked.
 *
 * @example
 * await writeFile('out/test-trace.md', renderTestTraceMarkdown(report));
 */
export function renderTestTraceMarkdown(report: TestTraceReport): string {
  const s = report.summary;
  const parts = [
    `# ${report.title}\n`,
    `${s.requirements} requirements: **${s.coveragePct.toFixed(1)}% covered**, **${s.passingPct.toFixed(1)}% passing** (${s.passing} passing, ${s.failing} failing, ${s.notRun} not run, ${s.notVerified} not verified, ${s.notSatisfied} not satisfied, ${s.notCovered} not covered).\n`,
    '## Requirements\n',
    markdownTable(REQUIREMENT_HEADERS, report.requirements.map(requirementCells)),
    '## By artefact\n',
    markdownTable(SUMMARY_HEADERS, report.byArtefact.map(summaryCells), align),
    '## By tranche\n',
    markdownTable(SUMMARY_HEADERS, report.byTranche.map(summaryCells), align),
    '## By service\n',
    markdownTable(SUMMARY_HEADERS, report.byService.map(summaryCells), align),
    '## TestCases without results\n',
    list(report.testCasesWithoutResults),
    '## TestCases that verify nothing\n',
    list(report.orphanTestCases),
    '## Requirements left out (status)\n',
    list(report.excludedRequirements),
    '## Results linked to no TestCase\n',
    list(report.unmatchedResults.map((r) => `\`${r.file}\`: ${r.classname} > ${r.name} (${r.status})`)),
    '## Results files, oldest first (the latest run counts)\n',
    list(report.resultFiles.map(resultFileLine)),
  ];
  return parts.join('\n');
}
