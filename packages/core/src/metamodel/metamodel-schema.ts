import { z } from 'zod';

/** The value types an attribute can declare. */
export const AttributeTypeSchema = z.enum([
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'string-list',
  'enum',
]);
export type AttributeType = z.infer<typeof AttributeTypeSchema>;

/** An attribute of a kind (or of a relation type): its value type, allowed values for enums, and whether it is required. */
export const AttributeDefSchema = z
  .object({
    type: AttributeTypeSchema,
    values: z.array(z.string()).min(1).optional(),
    required: z.boolean().optional(),
    description: z.string().optional(),
  })
  .strict();
export type AttributeDef = z.infer<typeof AttributeDefSchema>;

/** An element kind: its name, description, optional id pattern (a regular expression), and attributes. */
export const KindDefSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    idPattern: z.string().optional(),
    attributes: z.record(z.string(), AttributeDefSchema),
  })
  .strict();
export type KindDef = z.infer<typeof KindDefSchema>;

/**
 * How a change propagates across a relation `source -type-> target`:
 * `source-to-target` means a change at the source impacts the target, and so on.
 */
export const ImpactSchema = z.enum(['both', 'source-to-target', 'target-to-source', 'none']);
export type Impact = z.infer<typeof ImpactSchema>;

/** The ends of a relation type: a list of kind names, or `'*'` for any kind. */
export const KindEndsSchema = z.union([z.literal('*'), z.array(z.string()).min(1)]);
export type KindEnds = z.infer<typeof KindEndsSchema>;

/** A relation type: its name and inverse name, the kinds allowed at each end, and how a change propagates. */
export const RelationTypeDefSchema = z
  .object({
    name: z.string(),
    inverse: z.string(),
    from: KindEndsSchema,
    to: KindEndsSchema,
    impact: ImpactSchema,
    description: z.string(),
    attributes: z.record(z.string(), AttributeDefSchema),
  })
  .strict();
export type RelationTypeDef = z.infer<typeof RelationTypeDefSchema>;

/** The kinds Tracery ships with; a repository may add its own. */
export type DefaultKind =
  | 'Service'
  | 'Role'
  | 'BusinessProcess'
  | 'ProcessStep'
  | 'Interface'
  | 'DataEntity'
  | 'DataItem'
  | 'Requirement'
  | 'Principle'
  | 'Artefact'
  | 'TestCase'
  | 'ChangeRequest'
  | 'Decision';

/** A kind name: one of the defaults, or one that a repository's config adds. */
export type KindName = DefaultKind | (string & {});

/** The relation types Tracery ships with; a repository may add its own. */
export type DefaultRelationType =
  | 'partOf'
  | 'performs'
  | 'sends'
  | 'receives'
  | 'carries'
  | 'uses'
  | 'flowsTo'
  | 'satisfies'
  | 'verifies'
  | 'refines'
  | 'governedBy'
  | 'documentedIn'
  | 'changes'
  | 'dependsOn';

/** A relation type name (forward), one of the defaults or one a repository adds. */
export type RelationTypeName = DefaultRelationType | (string & {});
