import { defineRule } from '../rule.js';

/** One relation is written in two places (found when the repository loads). */
export const duplicateRelation = defineRule({
  id: 'duplicate-relation',
  severity: 'warning',
  description: 'One relation is written in two places, which can drift apart.',
  reportedAtLoad: true,
});
