import { z } from 'zod';
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Model } from '../../model/model.js';
import { defineRule, type Rule } from '../rule.js';
import { describeElement } from './describe-element.js';

function hasChildRequirement(model: Model, id: string): boolean {
  return model.graph.someInEdge(
    id,
    (_edge, { relation }, source) =>
      (relation.type === 'partOf' || relation.type === 'refines') &&
      model.graph.getNodeAttribute(source, 'element').kind === 'Requirement',
  );
}

/** A rule that every requirement has a relation of one name, unless its sub-requirements carry it. */
export function requirementNeeds(spec: {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly name: string;
  readonly problem: string;
}): Rule {
  return defineRule({
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    kinds: ['Requirement'],
    options: z.object({ throughChildren: z.boolean().default(true) }).strict(),
    check(context) {
      for (const requirement of context.elements()) {
        if (context.has(requirement.id, spec.name)) continue;
        // A requirement broken down into sub-requirements is met through them; they are checked themselves.
        if (context.options.throughChildren && hasChildRequirement(context.model, requirement.id)) continue;
        context.report({
          elementId: requirement.id,
          message: `${describeElement(requirement)} ${spec.problem}`,
        });
      }
    },
  });
}
