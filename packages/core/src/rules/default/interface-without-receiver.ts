import { requireRelation } from './require-relation.js';

/** Every interface has a receiver. */
export const interfaceWithoutReceiver = requireRelation({
  id: 'interface-without-receiver',
  severity: 'error',
  description:
    'Every interface has at least one receiver (a service, role or process step that receives it).',
  kind: 'Interface',
  name: 'receivedBy',
  problem: 'has no receiver; add `receivedBy: [...]` with the services, roles or steps that receive it.',
});
