import type { AttributeDef } from './metamodel-schema.js';

/**
 * Fields every element has, whatever its kind. `id`, `kind` and `name` are required;
 * the rest are optional and typed here once.
 */
export const BASE_FIELDS: Readonly<Record<string, AttributeDef>> = {
  id: { type: 'string', required: true, description: 'Unique identifier, such as IF-021.' },
  kind: { type: 'string', required: true, description: 'The element kind, such as Interface.' },
  name: { type: 'string', required: true, description: 'Human-readable name.' },
  description: { type: 'string', description: 'What it is, in a sentence or a paragraph.' },
  status: {
    type: 'enum',
    values: ['draft', 'in-review', 'approved', 'baselined', 'superseded', 'withdrawn'],
    description: 'Where the element is in its life cycle.',
  },
  owner: { type: 'string', description: 'Who is accountable for it (a person, team or working group).' },
  tranche: { type: 'string', description: 'The design tranche that delivers it, such as T1 or T2.' },
  tags: { type: 'string-list', description: 'Free-form labels.' },
};

/** Field names that can never be used as attributes or relation names. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(BASE_FIELDS),
  '__proto__',
  'constructor',
  'prototype',
  'attributes',
]);

/** Fields every relation may carry in addition to those its type declares. */
export const BASE_RELATION_FIELDS: Readonly<Record<string, AttributeDef>> = {
  note: { type: 'string', description: 'Why the link is there.' },
  reviewed: {
    type: 'string',
    description:
      'The review stamp: hashes of the reviewed content of both ends when the link was last reviewed (suspect-link detection).',
  },
  reviewedBy: { type: 'string', description: 'Who last reviewed the link (written by tracery review).' },
  reviewedAt: {
    type: 'string',
    description: 'When the link was last reviewed, ISO 8601 (written by tracery review).',
  },
};
