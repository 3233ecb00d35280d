import { requirementNeeds } from './requirement-needs.js';

/** Every requirement is verified by a test case. */
export const requirementNotVerified = requirementNeeds({
  id: 'requirement-not-verified',
  severity: 'warning',
  description:
    'Every requirement is verified by a test case, directly or through its sub-requirements (option `throughChildren`).',
  name: 'verifiedBy',
  problem: 'is verified by no test; add a TestCase that `verifies` it.',
});
