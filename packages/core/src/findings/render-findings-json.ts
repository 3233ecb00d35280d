import type { CheckReport } from '../rules/run-rules.js';

/**
 * Renders a check as JSON: the report's own stable shape (rules, findings, suppressed, counts).
 *
 * @example
 * await writeFile('findings.json', renderFindingsJson(report));
 */
export function renderFindingsJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
