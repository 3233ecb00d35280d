import { requirementNeeds } from './requirement-needs.js';

/** Every requirement is satisfied by some design element. */
export const requirementNotSatisfied = requirementNeeds({
  id: 'requirement-not-satisfied',
  severity: 'warning',
  description:
    'Every requirement is satisfied by a design element, directly or through its sub-requirements (option `throughChildren`).',
  name: 'satisfiedBy',
  problem:
    'is satisfied by nothing; add `satisfiedBy: [...]` with the process, step, interface or service that meets it.',
});
