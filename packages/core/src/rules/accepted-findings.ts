import { stringify } from 'yaml';
import { z } from 'zod';
import type { Finding } from './finding.js';

/** One accepted finding: matched by its fingerprint; rule, element and message are there for the reader. */
export const AcceptedFindingSchema = z
  .object({
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'a fingerprint is 16 hex digits'),
    rule: z.string(),
    element: z.string().optional(),
    message: z.string(),
    reason: z.string().trim().min(1, 'an accepted finding needs a reason'),
  })
  .strict();
export type AcceptedFinding = z.infer<typeof AcceptedFindingSchema>;

/** The accepted-findings file: the findings of a legacy design that are known and accepted. */
export const AcceptedFindingsFileSchema = z
  .object({ accepted: z.array(AcceptedFindingSchema).default([]) })
  .strict();
export type AcceptedFindingsFile = z.infer<typeof AcceptedFindingsFileSchema>;

/**
 * The accepted-findings file that accepts `findings` with `reason`, keeping the entries of `existing`
 * (their reasons are not overwritten), as YAML sorted by rule, element and fingerprint.
 *
 * @example
 * await writeFile('assurance/accepted-findings.yaml', acceptedFindingsYaml(report.findings, 'legacy design, CR010'));
 */
export function acceptedFindingsYaml(
  findings: readonly Finding[],
  reason: string,
  existing: readonly AcceptedFinding[] = [],
): string {
  const byFingerprint = new Map<string, AcceptedFinding>();
  for (const entry of existing) byFingerprint.set(entry.fingerprint, entry);
  for (const finding of findings) {
    if (byFingerprint.has(finding.fingerprint)) continue;
    byFingerprint.set(finding.fingerprint, {
      fingerprint: finding.fingerprint,
      rule: finding.rule,
      ...(finding.elementId === undefined ? {} : { element: finding.elementId }),
      message: finding.message,
      reason,
    });
  }
  const key = (a: AcceptedFinding) => `${a.rule}\u0000${a.element ?? ''}\u0000${a.fingerprint}`;
  const accepted = [...byFingerprint.values()].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
  const header =
    '# Findings that are known and accepted: `tracery check` reports only the others.\n' +
    '# Written by `tracery check --accept REASON`; an entry matches by fingerprint (rule, element, message).\n';
  return `${header}${stringify({ accepted }, { lineWidth: 0 })}`;
}
