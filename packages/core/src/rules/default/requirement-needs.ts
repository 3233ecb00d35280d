import type { Severity } from '../../diagnostics/diagnostic.js';
import type { ElementCoverage } from '../../trace-coverage/compute-coverage.js';
import { defineRule, type Rule, type RuleContext } from '../rule.js';
import { describeElement } from './describe-element.js';
import { coverageLookup, ruleCoverage } from './rule-coverage.js';

/** Why relations of one name that a requirement has do not count, for the message (`TC-1 (outdated)`). */
function notCounted(coverage: ElementCoverage | undefined, name: string): string {
  const ignored = (coverage?.ignored ?? []).filter((i) => i.relation === name);
  if (ignored.length === 0) return '';
  return ` (not counted: ${ignored.map((i) => `${i.by} ${i.reason}`).join(', ')})`;
}

/**
 * True when a requirement lacks relations of one name in the coverage: its policy needs the name and
 * nothing meets it; or (`always`) its policy does not need it and it has none that count.
 */
function lacks(
  context: RuleContext<unknown>,
  id: string,
  coverage: ElementCoverage | undefined,
  name: string,
  always: boolean,
): boolean {
  const need = coverage?.needs.find((n) => n.relation === name);
  if (need) return need.by.length === 0;
  if (!always) return false;
  const ignored = new Set((coverage?.ignored ?? []).filter((i) => i.relation === name).map((i) => i.by));
  return !context.related(id, name).some((other) => !ignored.has(other));
}

/**
 * A rule that every requirement has a relation of one name, read from the one coverage (the
 * `coverage:` policy, with unwanted, outdated and excluded coverage not counted), so that it agrees
 * with the test-trace report requirement by requirement. Requirements whose status the policy leaves
 * out are not checked.
 */
export function requirementNeeds(spec: {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly name: string;
  readonly problem: string;
  /** Check the name even when the policy does not need it (the test-trace report's `not verified`). */
  readonly always: boolean;
}): Rule {
  return defineRule({
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    kinds: ['Requirement'],
    check(context) {
      const { byId, excluded } = coverageLookup(ruleCoverage(context));
      for (const requirement of context.elements()) {
        if (excluded.has(requirement.id)) continue;
        const covered = byId.get(requirement.id);
        if (!lacks(context, requirement.id, covered, spec.name, spec.always)) continue;
        context.report({
          elementId: requirement.id,
          message: `${describeElement(requirement)} ${spec.problem}${notCounted(covered, spec.name)}`,
        });
      }
    },
  });
}
