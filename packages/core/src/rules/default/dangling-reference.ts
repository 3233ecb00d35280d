import { defineRule } from '../rule.js';

/** A relation points to an id that no element has (found when the repository loads). */
export const danglingReference = defineRule({
  id: 'dangling-reference',
  severity: 'error',
  description: 'A relation points to an element that does not exist.',
  reportedAtLoad: true,
});
