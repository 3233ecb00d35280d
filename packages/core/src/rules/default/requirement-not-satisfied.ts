import { requirementNeeds } from './requirement-needs.js';

/** Every requirement is satisfied by some design element, when the coverage policy needs it. */
export const requirementNotSatisfied = requirementNeeds({
  id: 'requirement-not-satisfied',
  severity: 'warning',
  description:
    'Every requirement is satisfied by a design element that counts under the coverage policy, when the policy needs `satisfiedBy` (the default); a sub-requirement does not satisfy its parent.',
  name: 'satisfiedBy',
  problem:
    'is satisfied by nothing; add `satisfiedBy: [...]` with the process, step, interface or service that meets it.',
  always: false,
});
