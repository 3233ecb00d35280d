import type { ElementCoverage } from '../../trace-coverage/compute-coverage.js';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';
import { coverageLookup, ruleCoverage } from './rule-coverage.js';

/** Needs that `requirement-not-satisfied` and `requirement-not-verified` report on requirements already. */
const REQUIREMENT_RULE_NEEDS = new Set(['satisfiedBy', 'verifiedBy']);

function problem(e: ElementCoverage, byId: ReadonlyMap<string, ElementCoverage>): string | undefined {
  const missing =
    e.kind === 'Requirement' ? e.missing.filter((m) => !REQUIREMENT_RULE_NEEDS.has(m)) : e.missing;
  if (e.kind === 'Requirement' && e.missing.length > missing.length) return undefined;
  if (e.verdict === 'cycle')
    return 'is on a cycle of coverage (or covered through one): the elements cover each other, so nothing below them is checked; break the cycle.';
  if (missing.length > 0)
    return `needs ${missing.join(', ')} under the coverage policy, and nothing that counts meets it.`;
  if (e.verdict === 'covered-shallow') {
    const below = [...new Set(e.needs.flatMap((n) => n.by))].filter(
      (id) => (byId.get(id)?.verdict ?? 'covered') !== 'covered',
    );
    return `has its needs met, but not all the way down: ${below.join(', ')}, which covers it, is not covered itself.`;
  }
  return undefined;
}

/** Every element the coverage policy names a kind for is covered, deeply where the policy says so. */
export const coverageNotMet = defineRule({
  id: 'coverage-not-met',
  severity: 'warning',
  description:
    'Every element the `coverage:` policy names a kind for is covered: each need met, all the way down under a deep policy, and not on a cycle (requirements missing satisfiedBy or verifiedBy are left to their own rules).',
  check(context) {
    const coverage = ruleCoverage(context);
    for (const e of coverage.elements) {
      if (e.verdict === 'covered') continue;
      const message = problem(e, coverageLookup(coverage).byId);
      if (message) context.report({ elementId: e.id, message: `${describeElement(e)} ${message}` });
    }
  },
});
