import { z } from 'zod';

/**
 * How `tracery import reqif` maps a ReqIF file onto the metamodel, and how `export reqif` names things.
 * Every key is optional: the defaults read ReqIF's standard attribute names (ReqIF.ForeignID, ReqIF.Name,
 * ReqIF.ChapterName, ReqIF.Text) and map spec object types named like a kind onto that kind.
 */
export const ReqifConfigSchema = z
  .object({
    defaultKind: z
      .string()
      .default('Requirement')
      .describe('The kind of a spec object whose type is not in `kinds` and is not named like a kind.'),
    kinds: z
      .record(z.string(), z.string())
      .default({})
      .describe('Spec object type (its LONG-NAME) -> element kind.'),
    attributes: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        'ReqIF attribute (its LONG-NAME) -> element field: id, name, description, status, owner, tranche, tags, an attribute of the kind, or "-" to drop it.',
      ),
    relations: z
      .record(z.string(), z.string())
      .default({})
      .describe('Spec relation type (its LONG-NAME) -> relation name (forward or inverse).'),
    defaultRelation: z
      .string()
      .default('dependsOn')
      .describe(
        'The relation of a spec relation whose type is not in `relations` and is not named like a relation.',
      ),
    hierarchy: z
      .string()
      .default('partOf')
      .describe('The relation from a child to its parent in a SPECIFICATION tree, or "none".'),
    ids: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        'Kind -> id template for spec objects whose ReqIF.ForeignID does not fit, such as "REQ-IMP-{n:3}" ({n:3}: a number of at least 3 digits).',
      ),
  })
  .strict();
export type ReqifConfig = z.infer<typeof ReqifConfigSchema>;
