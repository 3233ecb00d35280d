import { z } from 'zod';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

const MONTH = /^\d{4}-\d{2}$/;
const DONE = new Set(['baselined', 'approved', 'superseded', 'withdrawn']);

/** An artefact whose expected DAG month has passed while its RAG did not change. */
export const artefactPastExpectedMonth = defineRule({
  id: 'artefact-past-expected-month',
  severity: 'warning',
  description:
    'No artefact that is not yet approved is past its expected DAG month (expectedMonth) with the same RAG as last month (option `today`: YYYY-MM-DD, default the day of the run).',
  kinds: ['Artefact'],
  options: z
    .object({
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
        .optional(),
    })
    .strict(),
  check(context) {
    const month = (context.options.today ?? new Date().toISOString().slice(0, 10)).slice(0, 7);
    for (const artefact of context.elements()) {
      const expected = artefact.attributes.expectedMonth;
      if (typeof expected !== 'string' || !MONTH.test(expected) || expected >= month) continue;
      if (artefact.status !== undefined && DONE.has(artefact.status)) continue;
      const last = artefact.attributes.ragLastMonth;
      const now = artefact.attributes.ragThisMonth;
      if (last !== now) continue;
      context.report({
        elementId: artefact.id,
        message: `${describeElement(artefact)} was expected at the DAG in ${expected} and its RAG has not changed since last month (${String(now ?? 'none')}); update ragThisMonth, or move expectedMonth with the reason in issues.`,
      });
    }
  },
});
