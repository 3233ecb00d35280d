import type { Severity } from '../diagnostics/diagnostic.js';
import { formatSourceRef } from '../diagnostics/diagnostic.js';
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
  const paint = options.paint ?? ((_severity: Severity, text: string) => text);
  const lines: string[] = [];
  const ruleWidth = report.findings.reduce((width, f) => Math.max(width, f.rule.length), 0);
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push(file);
    const where = findings.map((f) => (f.source ? `${f.source.line}:${f.source.column}` : ''));
    const whereWidth = where.reduce((width, w) => Math.max(width, w.length), 0);
    findings.forEach((f, i) => {
      const head = `  ${where[i]!.padEnd(whereWidth)}  ${f.severity.padEnd(7)}  ${f.rule.padEnd(ruleWidth)}  `;
      lines.push(paint(f.severity, `${head}${f.message}`));
      for (const r of f.related ?? [])
        lines.push(`  ${' '.repeat(whereWidth)}    ${formatSourceRef(r.source)}: ${r.message}`);
    });
    lines.push('');
  }
  if (options.showSuppressed && report.suppressed.length > 0) {
    lines.push('suppressed');
    for (const f of report.suppressed)
      lines.push(`  ${f.rule} ${f.elementId ?? ''}: ${f.suppression.kind}: ${f.suppression.reason}`);
    lines.push('');
  }
  const ran = report.rules.filter((r) => r.enabled).length;
  lines.push(`${summariseCounts(report)} from ${ran} rule${ran === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
