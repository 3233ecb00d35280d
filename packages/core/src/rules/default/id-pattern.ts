import { defineRule } from '../rule.js';

/** An id breaks its kind's id pattern in tracery.yaml (found when the repository loads). */
export const idPattern = defineRule({
  id: 'id-pattern',
  severity: 'error',
  description: 'An id does not match the id pattern of its kind.',
  reportedAtLoad: true,
});
