import { defineRule } from '../rule.js';

/** A relation joins kinds its type does not allow (found when the repository loads). */
export const relationNotAllowed = defineRule({
  id: 'relation-not-allowed',
  severity: 'error',
  description: 'A relation joins kinds that its type does not allow at its ends.',
  reportedAtLoad: true,
});
