import { requireRelation } from './require-relation.js';

/** Every interface carries data. */
export const interfaceWithoutData = requireRelation({
  id: 'interface-without-data',
  severity: 'warning',
  description: 'Every interface carries at least one data block or data item.',
  kind: 'Interface',
  name: 'carries',
  problem: 'carries no data; add `carries: [...]` with the message blocks or data items it passes.',
});
