import type { TestTraceReport } from '@tracery/core';
import type { TrackerReport } from '@tracery/core/advanced';
import { trackerTables, VERDICT_LABELS } from '@tracery/core/render';
import { markdownTableOf } from './markdown-text.js';
import { MermaidFlowchart, mermaidLabel } from './mermaid-text.js';

/** Verdicts that are good news, bad news, or still open, as Mermaid classes. */
const VERDICT_CLASS: Readonly<Record<string, string>> = {
  passing: 'good',
  failing: 'bad',
  'not-satisfied': 'bad',
  'not-covered': 'bad',
};

/**
 * The requirement trace as a flowchart: what satisfies each requirement, and the tests that verify it
 * with their latest results; requirements coloured by verdict.
 */
export function traceMermaid(report: TestTraceReport): string {
  const chart = new MermaidFlowchart('LR');
  for (const r of report.requirements) {
    chart.node(r.id, `${r.id}: ${VERDICT_LABELS[r.verdict]}`, 'box', {
      className: VERDICT_CLASS[r.verdict] ?? 'open',
    });
    for (const by of r.satisfiedBy) {
      chart.node(by, by, 'round');
      chart.edge(by, r.id, 'satisfies');
    }
    for (const test of r.verifiedBy) {
      chart.node(test.id, `${test.id}: ${test.status}`, 'stadium', {
        className:
          test.status === 'passed'
            ? 'good'
            : test.status === 'failed' || test.status === 'error'
              ? 'bad'
              : 'open',
      });
      chart.edge(test.id, r.id, 'verifies', true);
    }
  }
  return chart.render({
    good: 'fill:#dff3e4,stroke:#1a7f37',
    bad: 'fill:#fdecea,stroke:#c62828',
    open: 'fill:#fff4d6,stroke:#9a6700',
  });
}

/** The requirement trace: each requirement, its tranche, what satisfies it, its tests and results, its verdict. */
export function traceMarkdown(report: TestTraceReport): string {
  const rows = report.requirements.map((r) => [
    r.id,
    r.name,
    r.tranche ?? '',
    r.satisfiedBy.join(', '),
    r.verifiedBy.map((t) => `${t.id}: ${t.status}${t.message ? ` (${t.message})` : ''}`).join('; '),
    VERDICT_LABELS[r.verdict],
  ]);
  const s = report.summary;
  const summary = `${s.requirements} requirements: ${s.passing} passing, ${s.failing} failing, ${s.notRun} not run, ${s.notVerified} not verified, ${s.notSatisfied} not satisfied.`;
  return `${summary}\n\n${markdownTableOf(['requirement', 'name', 'tranche', 'satisfied by', 'tests and latest results', 'verdict'], rows)}`;
}

/** The review comments by status, as a Mermaid pie chart. */
export function trackerMermaid(report: TrackerReport): string {
  const slices = report.statuses
    .map((s) => [s, report.totals.comments.byStatus[s] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `  ${mermaidLabel(s)} : ${n}`);
  return `pie title Review comments by status\n${slices.join('\n')}\n`;
}

/** The Design Artefact Tracker's tables (core's `trackerTables`, the numbers of `tracery tracker`). */
export function trackerMarkdown(report: TrackerReport): string {
  return trackerTables(report)
    .map((t) => `### ${t.title}\n\n${markdownTableOf(t.headers, t.rows, t.numeric)}`)
    .join('\n\n');
}
