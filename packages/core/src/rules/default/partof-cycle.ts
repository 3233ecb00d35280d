import { defineRule } from '../rule.js';

/** Elements are part of each other in a cycle (found when the repository loads). */
export const partofCycle = defineRule({
  id: 'partof-cycle',
  severity: 'error',
  description: 'Elements are part of each other in a cycle.',
  reportedAtLoad: true,
});
