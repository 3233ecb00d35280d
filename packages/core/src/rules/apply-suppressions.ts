import type { AcceptedFinding } from './accepted-findings.js';
import { engineFinding } from './engine-finding.js';
import type { Finding, SuppressedFinding } from './finding.js';
import type { ConfigLocator } from './rule-settings.js';
import type { RuleSuppression } from './rules-config.js';

/**
 * Splits findings into those that count and those suppressed in tracery.yaml or accepted in the
 * accepted-findings file. A suppression that matches nothing is reported (`unused-suppression`), and so is
 * an accepted finding of a rule that ran and no longer reports it (`stale-accepted-finding`), so that
 * neither list rots.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly RuleSuppression[],
  accepted: readonly AcceptedFinding[],
  where: { locate: ConfigLocator; acceptedFile?: string | undefined; ran: ReadonlySet<string> },
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const byRuleAndElement = new Map<string, { suppression: RuleSuppression; index: number }>();
  suppressions.forEach((suppression, index) => {
    byRuleAndElement.set(`${suppression.rule}\u0000${suppression.element}`, { suppression, index });
  });
  const acceptedBy = new Map(accepted.map((a) => [a.fingerprint, a]));
  const usedSuppressions = new Set<number>();
  const usedAccepted = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const match =
      finding.elementId === undefined
        ? undefined
        : byRuleAndElement.get(`${finding.rule}\u0000${finding.elementId}`);
    if (match) {
      usedSuppressions.add(match.index);
      suppressed.push({ ...finding, suppression: { kind: 'config', reason: match.suppression.reason } });
      continue;
    }
    const entry = acceptedBy.get(finding.fingerprint);
    if (entry) {
      usedAccepted.add(entry.fingerprint);
      suppressed.push({ ...finding, suppression: { kind: 'accepted', reason: entry.reason } });
      continue;
    }
    kept.push(finding);
  }
  suppressions.forEach((s, index) => {
    if (usedSuppressions.has(index)) return;
    kept.push(
      engineFinding(
        'unused-suppression',
        'warning',
        `tracery.yaml rules.suppressions[${index}]: ${s.rule} on ${s.element} is suppressed, but the rule reports nothing there; remove the suppression.`,
        { elementId: s.element, source: where.locate(['rules', 'suppressions', index]) },
      ),
    );
  });
  for (const entry of accepted) {
    // An entry of a rule that did not run (a script's own rule, a rule turned off) is not stale.
    if (usedAccepted.has(entry.fingerprint) || !where.ran.has(entry.rule)) continue;
    kept.push(
      engineFinding(
        'stale-accepted-finding',
        'info',
        `${where.acceptedFile ?? 'the accepted findings'}: the accepted ${entry.rule} finding ${entry.fingerprint}${entry.element ? ` on ${entry.element}` : ''} no longer occurs ("${entry.message}"); remove it from the file.`,
        { elementId: entry.element },
      ),
    );
  }
  return { findings: kept, suppressed };
}
