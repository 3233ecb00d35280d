import { z } from 'zod';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** Elements of the configured kinds have a description. */
export const descriptionRequired = defineRule({
  id: 'description-required',
  severity: 'warning',
  description: 'Elements of the configured kinds (option `kinds`) have a description.',
  options: z
    .object({
      kinds: z
        .array(z.string())
        .default(['BusinessProcess', 'ChangeRequest', 'Interface', 'Principle', 'Requirement', 'Service']),
    })
    .strict(),
  check(context) {
    for (const kind of context.options.kinds) {
      for (const element of context.elementsOfKind(kind)) {
        const description = element.description;
        if (description !== undefined && description.trim() !== '') continue;
        context.report({
          elementId: element.id,
          message: `${describeElement(element)} has no description; say what it is and why it exists.`,
        });
      }
    }
  },
});
