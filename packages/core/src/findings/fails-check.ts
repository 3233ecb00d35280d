import type { Severity } from '../diagnostics/diagnostic.js';
import type { CheckReport } from '../rules/run-rules.js';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * True when a finding that counts is at or above `failOn` (`warning` fails on warnings and errors):
 * what decides the exit code of `tracery check`.
 *
 * @example
 * process.exitCode = failsCheck(report, 'error') ? 1 : 0;
 */
export function failsCheck(report: CheckReport, failOn: Severity): boolean {
  return report.findings.some((finding) => RANK[finding.severity] <= RANK[failOn]);
}

/** `3 errors, 5 warnings, 2 info (4 suppressed)`: a check's counts in words. */
export function summariseCounts(report: CheckReport): string {
  const { error, warning, info, suppressed } = report.counts;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info${suppressed ? ` (${suppressed} suppressed)` : ''}`;
}
