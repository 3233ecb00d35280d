import type { Finding } from '../rules/finding.js';

/** The label of findings that have no file (engine findings, rules on in-memory models). */
export const NO_FILE = '(no file)';

/** Findings grouped by file, files in order with findings without a file last; each group keeps its order. */
export function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const file = finding.source?.file ?? NO_FILE;
    const group = groups.get(file);
    if (group) group.push(finding);
    else groups.set(file, [finding]);
  }
  return [...groups.entries()].sort(([a], [b]) =>
    a === NO_FILE ? 1 : b === NO_FILE ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
}
