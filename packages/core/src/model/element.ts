import { z } from 'zod';

/** The value of an element or relation attribute. */
export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
/** The value of an element or relation attribute: a string, number, boolean or list of strings. */
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

/**
 * An element of the model: the fields every kind has, and the kind's own attributes.
 * Values are frozen once they are in a model.
 */
export const ElementSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  status: z.string().optional(),
  owner: z.string().optional(),
  tranche: z.string().optional(),
  tags: z.array(z.string()).readonly().optional(),
  attributes: z.record(z.string(), AttributeValueSchema).readonly(),
});
/** An element of the model: id, kind, name, base fields and the attributes its kind declares. */
export type Element = Readonly<z.infer<typeof ElementSchema>>;

/** A relation `source -type-> target`, always stored under its forward type name. */
export const RelationSchema = z.object({
  type: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  attributes: z.record(z.string(), AttributeValueSchema).readonly(),
});
/** A relation of the model: its type, source and target ids, and its attributes. */
export type Relation = Readonly<z.infer<typeof RelationSchema>>;

/** The key that identifies a relation: one relation per type, source and target. */
export function relationKey(relation: Pick<Relation, 'type' | 'source' | 'target'>): string {
  // Joined, not concatenated: `+` and template literals build a chain of cons strings (about 100
  // bytes more per key, and a model keeps a key per relation), `join` one flat string.
  return [relation.source, relation.type, relation.target].join('\u0000');
}

/** The fields of an element other than id and kind, in the order files write them. */
export const ELEMENT_BASE_KEYS = ['name', 'description', 'status', 'owner', 'tranche', 'tags'] as const;

/**
 * `source -type-> target`, for messages.
 *
 * @example
 * describeRelation({ type: 'sends', source: 'SUP', target: 'IF-021' }) // 'SUP -sends-> IF-021'
 */
export function describeRelation(relation: Pick<Relation, 'type' | 'source' | 'target'>): string {
  return `${relation.source} -${relation.type}-> ${relation.target}`;
}
