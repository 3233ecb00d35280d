import { requireRelation } from './require-relation.js';

/** Every process step has a performer. */
export const stepWithoutPerformer = requireRelation({
  id: 'step-without-performer',
  severity: 'warning',
  description: 'Every process step is performed by a role or a service.',
  kind: 'ProcessStep',
  name: 'performedBy',
  problem: 'has no performer; add `performedBy: [...]` with the role or service that carries it out.',
});
