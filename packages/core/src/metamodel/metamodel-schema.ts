import { z } from 'zod';
import type { TraceryKinds, TraceryRelationNames } from './tracery-kinds.js';

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
/** The type of an attribute: `string`, `integer`, `number`, `boolean`, `date`, `string-list` or `enum`. */
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
/** An attribute a kind or relation type declares: its type, whether it is required, its values if an enum. */
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
/** A kind of element in the metamodel: its name, id pattern, description and attributes. */
export type KindDef = z.infer<typeof KindDefSchema>;

/**
 * What a change does across one direction of a relation (DESIGN.md "Impact"):
 * `propagate` - the far end is impacted and the change continues from it;
 * `notify` - the far end is impacted (it must act, re-test or re-issue) but the change stops there,
 * apart from its follow-ups (the tests that verify it, the documents that specify it);
 * `none` - the change does not cross.
 */
export const ImpactEffectSchema = z.enum(['propagate', 'notify', 'none']);
export type ImpactEffect = z.infer<typeof ImpactEffectSchema>;

/**
 * The effects of a relation type `from -type-> to`, per direction: `forward` is what a change at `from`
 * does to `to`, `backward` what a change at `to` does to `from`.
 */
export const RelationImpactSchema = z
  .object(
    {
      forward: ImpactEffectSchema.describe('What a change at the source does to the target.'),
      backward: ImpactEffectSchema.describe('What a change at the target does to the source.'),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? 'expected { forward, backward }, each one of propagate, notify, none (such as { forward: none, backward: propagate })'
          : undefined,
    },
  )
  .strict();
export type RelationImpact = z.infer<typeof RelationImpactSchema>;

/** The ends of a relation type: a list of kind names, or `'*'` for any kind. */
export const KindEndsSchema = z.union([z.literal('*'), z.array(z.string()).min(1)]);
export type KindEnds = z.infer<typeof KindEndsSchema>;

/**
 * What a relation type means for tracing: `trace` (the design traces through it: satisfies, verifies,
 * refines, carries, sends, partOf ...), `governance` (a principle governs), `documentation` (an
 * artefact documents), `change` (a change request changes). Paths prefer trace relations.
 */
export const RelationCategorySchema = z.enum(['trace', 'governance', 'documentation', 'change']);
export type RelationCategory = z.infer<typeof RelationCategorySchema>;

/** A relation type: its name and inverse name, the kinds allowed at each end, and what a change does across it each way. */
export const RelationTypeDefSchema = z
  .object({
    name: z.string(),
    inverse: z.string(),
    from: KindEndsSchema,
    to: KindEndsSchema,
    impact: RelationImpactSchema,
    category: RelationCategorySchema.optional().describe(
      'trace (the default), governance, documentation or change: paths prefer trace relations.',
    ),
    description: z.string(),
    attributes: z.record(z.string(), AttributeDefSchema),
  })
  .strict();
/** A relation type in the metamodel: its name, inverse name, the kinds at its ends, how impact crosses it, its attributes. */
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

/**
 * A kind name: one of the defaults or one that a repository's config adds; exactly the repository's
 * kinds once the `.d.ts` of `tracery types` fills in {@link TraceryKinds}.
 */
export type KindName = [keyof TraceryKinds] extends [never]
  ? DefaultKind | (string & {})
  : Extract<keyof TraceryKinds, string>;

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

/**
 * A relation name as queries take it: a type name or an inverse name. Any string until the `.d.ts`
 * of `tracery types` fills in {@link TraceryRelationNames}; then exactly the repository's names.
 */
export type RelationName = [keyof TraceryRelationNames] extends [never]
  ? RelationTypeName
  : Extract<keyof TraceryRelationNames, string>;
