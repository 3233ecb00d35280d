import { z } from 'zod';
import type { AttributeValue } from '../../model/element.js';
import { fieldValue } from '../../model/model-queries.js';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** No value, a blank text or an empty list. */
function isMissing(value: AttributeValue | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

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
      for (const element of context.elementsOfKind(kind)) {
        let missing: string[] | undefined;
        for (const name of names) {
          if (!isMissing(fieldValue(element, name))) continue;
          if (missing) missing.push(name);
          else missing = [name];
        }
        if (!missing) continue;
        context.report({
          elementId: element.id,
          message: `${describeElement(element)} lacks ${missing.join(', ')}; every ${kind} must have ${names.join(', ')}.`,
        });
      }
    }
  },
});
