import { requirementNeeds } from './requirement-needs.js';

/** Every requirement is verified by a test case, as the test-trace report counts it. */
export const requirementNotVerified = requirementNeeds({
  id: 'requirement-not-verified',
  severity: 'warning',
  description:
    'Every requirement is verified by a test case that counts under the coverage policy (not an unwanted kind, an outdated link or a withdrawn test); a sub-requirement does not verify its parent.',
  name: 'verifiedBy',
  problem: 'is verified by no test; add a TestCase that `verifies` it.',
  always: true,
});
