import { markdownTableLines } from '../report/markdown-table.js';
import type { Finding } from '../rules/finding.js';
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
  return [...findingsMarkdownPieces(report, options)].join('');
}

/**
 * {@link renderFindingsMarkdown}'s text as pieces in order (a heading, a table row ...), so a long
 * check is written as it is made, never held as one string.
 *
 * @example
 * await writeFileAtomic('findings.md', findingsMarkdownPieces(report));
 */
export function* findingsMarkdownPieces(
  report: CheckReport,
  options: FindingsMarkdownOptions = {},
): Generator<string> {
  const ran = report.rules.filter((r) => r.enabled).length;
  // The sections are separated by a blank line: each ends with a newline and one more comes between.
  yield `# ${options.title ?? 'Design assurance'}\n`;
  yield `\n**${summariseCounts(report)}** from ${ran} rule${ran === 1 ? '' : 's'}.\n`;
  const perRule = findingsPerRule(report);
  if (perRule.length > 0) {
    yield '\n## Rules with findings\n\n';
    yield* markdownTableLines(['rule', 'severity', 'findings', 'checks that'], perRule, [
      'left',
      'left',
      'right',
    ]);
    yield '\n## Findings\n';
    for (const [file, findings] of groupByFile(report.findings)) {
      yield `\n### ${file}\n\n`;
      yield* markdownTableLines(['at', 'severity', 'rule', 'element', 'message'], findingRows(findings));
    }
  }
  if (report.suppressed.length > 0) {
    yield '\n## Suppressed\n\n';
    yield* markdownTableLines(['rule', 'element', 'by', 'reason'], suppressedRows(report));
  }
}

/** The table of the rules with findings: each rule, its severity, how many, what it checks; by rule id. */
function findingsPerRule(report: CheckReport): (string | number)[][] {
  const perRule = new Map<string, { severity: string; count: number }>();
  for (const f of report.findings) {
    const entry = perRule.get(f.rule) ?? { severity: f.severity, count: 0 };
    entry.count++;
    perRule.set(f.rule, entry);
  }
  const description = new Map(report.rules.map((r) => [r.id, r.description]));
  return [...perRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, { severity, count }]) => [`\`${rule}\``, severity, count, description.get(rule) ?? '']);
}

/** The rows of one file's findings, made one at a time. */
function* findingRows(findings: readonly Finding[]): Generator<string[]> {
  for (const f of findings)
    yield [
      f.source ? `${f.source.line}:${f.source.column}` : '',
      f.severity,
      `\`${f.rule}\``,
      f.elementId ?? '',
      f.message,
    ];
}

/** The rows of the suppressed findings, made one at a time. */
function* suppressedRows(report: CheckReport): Generator<string[]> {
  for (const f of report.suppressed)
    yield [`\`${f.rule}\``, f.elementId ?? '', f.suppression.kind, f.suppression.reason];
}
