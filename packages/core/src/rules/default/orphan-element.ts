import { z } from 'zod';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** An element with no relation at all is either missing its links or no longer part of the design. */
export const orphanElement = defineRule({
  id: 'orphan-element',
  severity: 'warning',
  description: 'Every element is linked to something (option `ignoreKinds`: kinds that may stand alone).',
  options: z.object({ ignoreKinds: z.array(z.string()).default([]) }).strict(),
  check(context) {
    const ignore = new Set(context.options.ignoreKinds);
    const { model } = context;
    for (const element of model.elements()) {
      const id = element.id;
      if (ignore.has(element.kind) || model.outRelations(id).length > 0 || model.inRelations(id).length > 0)
        continue;
      context.report({
        elementId: id,
        message: `${describeElement(element)} has no relation at all; link it into the design or remove it.`,
      });
    }
  },
});
