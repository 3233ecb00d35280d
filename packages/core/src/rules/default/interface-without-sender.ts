import { requireRelation } from './require-relation.js';

/** Every interface has a sender. */
export const interfaceWithoutSender = requireRelation({
  id: 'interface-without-sender',
  severity: 'error',
  description: 'Every interface has at least one sender (a service, role or process step that sends it).',
  kind: 'Interface',
  name: 'sentBy',
  problem: 'has no sender; add `sentBy: [...]` with the services, roles or steps that send it.',
});
