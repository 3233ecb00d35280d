import { z } from 'zod';
import { fieldValue } from '../../model/model-queries.js';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** Elements carry the attributes their kind must have (option `attributes`, by kind). */
export const mandatoryAttributes = defineRule({
  id: 'mandatory-attributes',
  severity: 'error',
  description:
    'Elements have the attributes their kind must have (option `attributes`: by kind, a list of attribute names).',
  options: z
    .object({
      attributes: z
        .record(z.string(), z.array(z.string()))
        .default({ Interface: ['trigger', 'frequency', 'channel'], Requirement: ['priority'] }),
    })
    .strict(),
  check(context) {
    for (const [kind, names] of Object.entries(context.options.attributes)) {
      for (const id of context.model.idsOfKind(kind)) {
        const element = context.model.getElement(id);
        const missing = names.filter((name) => {
          const value = fieldValue(element, name);
          return (
            value === undefined ||
            (typeof value === 'string' && value.trim() === '') ||
            (Array.isArray(value) && value.length === 0)
          );
        });
        if (missing.length === 0) continue;
        context.report({
          elementId: id,
          message: `${describeElement(element)} lacks ${missing.join(', ')}; every ${kind} must have ${names.join(', ')}.`,
        });
      }
    }
  },
});
