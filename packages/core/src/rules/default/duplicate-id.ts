import { defineRule } from '../rule.js';

/** Two elements share one id (found when the repository loads). */
export const duplicateId = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two elements share one id.',
  reportedAtLoad: true,
});
