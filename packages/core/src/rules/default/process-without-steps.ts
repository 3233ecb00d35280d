import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** Every business process is broken down into steps. */
export const processWithoutSteps = defineRule({
  id: 'process-without-steps',
  severity: 'warning',
  description: 'Every business process has process steps (steps that are `partOf` it).',
  kinds: ['BusinessProcess'],
  check(context) {
    for (const process of context.elements()) {
      if (
        context
          .related(process.id, 'hasPart')
          .some((id) => context.model.getElement(id).kind === 'ProcessStep')
      )
        continue;
      context.report({
        elementId: process.id,
        message: `${describeElement(process)} has no steps; add its steps with \`partOf: [${process.id}]\`.`,
      });
    }
  },
});
