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
    for (const element of context.elements()) {
      if (ignore.has(element.kind) || context.linked(element.id)) continue;
      context.report({
        elementId: element.id,
        message: `${describeElement(element)} has no relation at all; link it into the design or remove it.`,
      });
    }
  },
});
