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
      for (const id of context.model.idsOfKind(kind)) {
        const element = context.model.getElement(id);
        if ((element.description ?? '').trim() !== '') continue;
        context.report({
          elementId: id,
          message: `${describeElement(element)} has no description; say what it is and why it exists.`,
        });
      }
    }
  },
});
