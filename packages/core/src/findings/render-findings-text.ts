import type { Severity } from '../diagnostics/diagnostic.js';
import { formatSourceRef } from '../diagnostics/diagnostic.js';
import type { Finding } from '../rules/finding.js';
import type { CheckReport } from '../rules/run-rules.js';
import { summariseCounts } from './fails-check.js';
import { groupByFile } from './group-by-file.js';

/** Options of {@link renderFindingsText}. */
export type FindingsTextOptions = {
  /** Paints a line by severity (colours on a terminal); plain text when not given. */
  readonly paint?: (severity: Severity, text: string) => string;
  /** Lists the suppressed findings too, each with its reason. */
  readonly showSuppressed?: boolean;
};

/**
 * Renders a check for the terminal: findings grouped by file, each with line:column, severity, rule
 * and message, then the counts.
 *
 * @example
 * console.log(renderFindingsText(report));
 */
export function renderFindingsText(report: CheckReport, options: FindingsTextOptions = {}): string {
  return [...findingsTextPieces(report, options)].join('');
}

/**
 * {@link renderFindingsText}'s text as pieces in order, each a whole line or lines, so a long check
 * is printed or written as it is made, never held as one string.
 *
 * @example
 * for (const piece of findingsTextPieces(report)) process.stdout.write(piece);
 */
export function* findingsTextPieces(
  report: CheckReport,
  options: FindingsTextOptions = {},
): Generator<string> {
  const paint = options.paint ?? ((_severity: Severity, text: string) => text);
  const ruleWidth = report.findings.reduce((width, f) => Math.max(width, f.rule.length), 0);
  for (const [file, findings] of groupByFile(report.findings)) {
    yield `${file}\n`;
    const whereWidth = findings.reduce((width, f) => Math.max(width, where(f).length), 0);
    for (const f of findings) {
      const head = `  ${where(f).padEnd(whereWidth)}  ${f.severity.padEnd(7)}  ${f.rule.padEnd(ruleWidth)}  `;
      let lines = `${paint(f.severity, `${head}${f.message}`)}\n`;
      for (const r of f.related ?? [])
        lines += `  ${' '.repeat(whereWidth)}    ${formatSourceRef(r.source)}: ${r.message}\n`;
      yield lines;
    }
    yield '\n';
  }
  if (options.showSuppressed && report.suppressed.length > 0) {
    yield 'suppressed\n';
    for (const f of report.suppressed)
      yield `  ${f.rule} ${f.elementId ?? ''}: ${f.suppression.kind}: ${f.suppression.reason}\n`;
    yield '\n';
  }
  const ran = report.rules.filter((r) => r.enabled).length;
  yield `${summariseCounts(report)} from ${ran} rule${ran === 1 ? '' : 's'}\n`;
}

/** Where a finding is, as `line:column` (empty without a source). */
function where(finding: Finding): string {
  return finding.source ? `${finding.source.line}:${finding.source.column}` : '';
}
