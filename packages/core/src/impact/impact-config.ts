import { z } from 'zod';
import { ImpactEffectSchema } from '../metamodel/metamodel-schema.js';

/** Effects over the metamodel's for one relation type: either direction, or both. */
export const ImpactEffectOverrideSchema = z
  .object({
    forward: ImpactEffectSchema.optional().describe('What a change at the source does to the target.'),
    backward: ImpactEffectSchema.optional().describe('What a change at the target does to the source.'),
  })
  .strict();

/**
 * The `impact:` section of tracery.yaml: the repository's effects per relation type and direction, and
 * the defaults of impact runs and change-request assessments (the command line's options override them).
 */
export const ImpactConfigSchema = z
  .object({
    effects: z
      .record(z.string(), ImpactEffectOverrideSchema)
      .optional()
      .describe(
        "Per relation type (built in or this repository's own), what a change does across it: { partOf: { backward: notify } }.",
      ),
    followUps: z
      .array(z.string())
      .optional()
      .describe(
        'Relation names a notified element passes a change on by, in the direction each reads (default verifiedBy, documentedIn).',
      ),
    maxDepth: z.number().int().nonnegative().optional().describe('How many hops to follow at most.'),
    stopAtKinds: z
      .array(z.string())
      .optional()
      .describe('Kinds that are impacted but that a change does not go on through (as if notified).'),
    skipTypes: z.array(z.string()).optional().describe('Relation names that a change never crosses.'),
  })
  .strict();
export type ImpactConfig = z.infer<typeof ImpactConfigSchema>;
