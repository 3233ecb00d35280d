import { z } from 'zod';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** Every element has a real name: not blank, not a placeholder, not just its id again. */
export const nameRequired = defineRule({
  id: 'name-required',
  severity: 'error',
  description: 'Every element has a name that says what it is: not blank, not a placeholder, not its id.',
  options: z
    .object({ placeholders: z.array(z.string()).default(['TBD', 'TBC', 'TODO', 'N/A', '?', '-', '...']) })
    .strict(),
  check(context) {
    const placeholders = new Set(context.options.placeholders.map((p) => p.toLowerCase()));
    for (const element of context.elements()) {
      const name = element.name.trim();
      const problem =
        name === ''
          ? 'has no name'
          : placeholders.has(name.toLowerCase())
            ? `has the placeholder name "${name}"`
            : name === element.id
              ? 'has its id as its name'
              : undefined;
      if (problem)
        context.report({
          elementId: element.id,
          message: `${describeElement(element)} ${problem}; give it the name the design documents use.`,
        });
    }
  },
});
