/**
 * The views `tracery view` writes, sorted by name, with what each shows and, for a view of one
 * element, that element's kind. A module of its own, importing nothing, so that the CLI can list
 * the views in its help without importing the site (issue 17: start-up time).
 */
export const TEXT_VIEW_NAMES: readonly { name: string; summary: string; needsId?: string }[] = [
  { name: 'data', summary: 'data entities and items, the interfaces that carry them and who uses them' },
  { name: 'interfaces', summary: 'every interface with its channel, frequency, senders and receivers' },
  {
    name: 'process',
    summary: 'one business process: its steps by performer, and their flows',
    needsId: 'BusinessProcess',
  },
  { name: 'services', summary: 'services and roles, and the interfaces between them (the TOM)' },
  { name: 'trace', summary: 'each requirement, what satisfies it, its tests and their latest results' },
  { name: 'tracker', summary: 'artefacts by tranche and service, and review comments by status' },
];
