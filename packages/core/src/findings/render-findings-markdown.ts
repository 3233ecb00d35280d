import { markdownTable } from '../report/markdown-table.js';
import type { CheckReport } from '../rules/run-rules.js';
import { summariseCounts } from './fails-check.js';
import { groupByFile } from './group-by-file.js';

/** Options of {@link renderFindingsMarkdown}. */
export type FindingsMarkdownOptions = {
  /** The heading; `Design assurance` when not given. */
  readonly title?: string;
};

/**
 * Renders a check as a Markdown summary (for a pull request or a wiki): the counts, a table of the
 * rules that found something, the findings by file, and the suppressed findings with their reasons.
 *
 * @example
 * await writeFile('findings.md', renderFindingsMarkdown(report, { title: 'MHHS design assurance' }));
 */
export function renderFindingsMarkdown(report: CheckReport, options: FindingsMarkdownOptions = {}): string {
  const ran = report.rules.filter((r) => r.enabled).length;
  const parts = [
    `# ${options.title ?? 'Design assurance'}\n`,
    `**${summariseCounts(report)}** from ${ran} rule${ran === 1 ? '' : 's'}.\n`,
  ];
  const perRule = new Map<string, { severity: string; count: number }>();
  for (const f of report.findings) {
    const entry = perRule.get(f.rule) ?? { severity: f.severity, count: 0 };
    entry.count++;
    perRule.set(f.rule, entry);
  }
  const description = new Map(report.rules.map((r) => [r.id, r.description]));
  if (perRule.size > 0) {
    const rows = [...perRule.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([rule, { severity, count }]) => [`\`${rule}\``, severity, count, description.get(rule) ?? '']);
    parts.push(
      '## Rules with findings\n',
      markdownTable(['rule', 'severity', 'findings', 'checks that'], rows, ['left', 'left', 'right']),
    );
    parts.push('## Findings\n');
    for (const [file, findings] of groupByFile(report.findings)) {
      parts.push(`### ${file}\n`);
      const rows = findings.map((f) => [
        f.source ? `${f.source.line}:${f.source.column}` : '',
        f.severity,
        `\`${f.rule}\``,
        f.elementId ?? '',
        f.message,
      ]);
      parts.push(markdownTable(['at', 'severity', 'rule', 'element', 'message'], rows));
    }
  }
  if (report.suppressed.length > 0) {
    const rows = report.suppressed.map((f) => [
      `\`${f.rule}\``,
      f.elementId ?? '',
      f.suppression.kind,
      f.suppression.reason,
    ]);
    parts.push('## Suppressed\n', markdownTable(['rule', 'element', 'by', 'reason'], rows));
  }
  return parts.join('\n');
}
