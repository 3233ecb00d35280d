import type { Severity } from '../../diagnostics/diagnostic.js';
import { defineRule, type Rule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** What {@link requireRelation} builds a rule from. */
export type RequiredRelation = {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly kind: string;
  /** The relation name (or inverse name) every element of the kind needs. */
  readonly name: string;
  /** Says what is missing and what to do, after the element: `has no sender; add sentBy ...`. */
  readonly problem: string;
};

/** A rule that every element of one kind has at least one relation of one name. */
export function requireRelation(required: RequiredRelation): Rule {
  return defineRule({
    id: required.id,
    severity: required.severity,
    description: required.description,
    kinds: [required.kind],
    check(context) {
      for (const element of context.elements()) {
        if (context.has(element.id, required.name)) continue;
        context.report({ elementId: element.id, message: `${describeElement(element)} ${required.problem}` });
      }
    },
  });
}
