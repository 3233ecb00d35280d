import { escapeHtml, htmlPage } from '../report/html.js';
import type { SummaryRow } from './summarise.js';
import type { TestTraceReport, TestTraceVerdict, VerifyingTest } from './test-trace-report.js';
import {
  resultFileLine,
  SUMMARY_HEADERS,
  SUMMARY_NUMERIC,
  summaryCells,
  verdictText,
} from './test-trace-rows.js';

const VERDICT_CLASS: Readonly<Record<TestTraceVerdict, string>> = {
  passing: 'ok',
  failing: 'bad',
  'not-run': 'warn',
  'not-verified': 'bad',
  'not-satisfied': 'bad',
  'not-covered': 'bad',
};

const statusClass = (t: VerifyingTest) =>
  t.status === 'passed' || t.status === 'flaky'
    ? 'ok'
    : t.status === 'failed' || t.status === 'error'
      ? 'bad'
      : 'warn';

function summaryTable(rows: readonly SummaryRow[]): string {
  const numeric = SUMMARY_NUMERIC as readonly number[];
  const head = SUMMARY_HEADERS.map(
    (h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`,
  ).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${summaryCells(row)
          .map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function requirementRows(report: TestTraceReport): string {
  return report.requirements
    .map((r) => {
      const tests = r.verifiedBy
        .map(
          (t) =>
            `<code>${escapeHtml(t.id)}</code> <span class="${statusClass(t)}"${t.message ? ` title="${escapeHtml(t.message)}"` : ''}>${escapeHtml(t.status)}</span>`,
        )
        .join('<br>');
      const cells = [
        `<td id="${escapeHtml(r.id)}"><code>${escapeHtml(r.id)}</code> ${escapeHtml(r.name)}</td>`,
        `<td>${escapeHtml(r.tranche ?? '')}</td>`,
        `<td>${r.satisfiedBy.map((s) => `<code>${escapeHtml(s)}</code>`).join(' ')}</td>`,
        `<td>${tests}</td>`,
        `<td class="${VERDICT_CLASS[r.verdict]}">${escapeHtml(verdictText(r))}</td>`,
      ];
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
}

function list(items: readonly string[]): string {
  return items.length === 0
    ? '<p class="muted">None.</p>'
    : `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * The test-trace report as one self-contained HTML page (inline CSS, no scripts, no external assets).
 *
 * @example
 * await writeFile('out/test-trace.html', renderTestTraceHtml(report));
 */
export function renderTestTraceHtml(report: TestTraceReport): string {
  const s = report.summary;
  const body = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">${s.requirements} requirements: <strong>${s.coveragePct.toFixed(1)}% covered</strong>, <strong>${s.passingPct.toFixed(1)}% passing</strong>; ${s.passing} passing, <span class="bad">${s.failing} failing</span>, <span class="warn">${s.notRun} not run</span>, <span class="bad">${s.notVerified} not verified</span>, <span class="bad">${s.notSatisfied} not satisfied</span>, <span class="bad">${s.notCovered} not covered</span>.</p>`,
    '<h2>Requirements</h2>',
    `<table>\n<thead><tr><th>requirement</th><th>tranche</th><th>satisfied by</th><th>verified by (latest result)</th><th>verdict</th></tr></thead>\n<tbody>\n${requirementRows(report)}\n</tbody>\n</table>`,
    '<h2>By artefact</h2>',
    summaryTable(report.byArtefact),
    '<h2>By tranche</h2>',
    summaryTable(report.byTranche),
    '<h2>By service</h2>',
    summaryTable(report.byService),
    '<h2>TestCases without results</h2>',
    list(report.testCasesWithoutResults),
    '<h2>TestCases that verify nothing</h2>',
    list(report.orphanTestCases),
    '<h2>Requirements left out (status)</h2>',
    list(report.excludedRequirements),
    '<h2>Results linked to no TestCase</h2>',
    list(report.unmatchedResults.map((r) => `${r.file}: ${r.classname} > ${r.name} (${r.status})`)),
    '<h2>Results files, oldest first (the latest run counts)</h2>',
    list(report.resultFiles.map(resultFileLine)),
  ];
  return htmlPage(report.title, body.join('\n'));
}
