import { defineRule } from '../rule.js';

/** One relation is written twice with different attributes (found when the repository loads). */
export const relationConflict = defineRule({
  id: 'relation-conflict',
  severity: 'warning',
  description: 'One relation is written twice with different attributes.',
  reportedAtLoad: true,
});
