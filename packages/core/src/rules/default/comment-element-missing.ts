import { defineRule } from '../rule.js';

/** A review comment about an element that is no longer in the model (reported when comments load). */
export const commentElementMissing = defineRule({
  id: 'comment-element-missing',
  severity: 'warning',
  description: 'Every review comment that names an element names one that is still in the model.',
  reportedAtLoad: true,
});
