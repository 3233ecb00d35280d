import { z } from 'zod';

/**
 * The `impact:` section of tracery.yaml: the defaults of impact runs and change-request assessments
 * (the command line's options override them).
 */
export const ImpactConfigSchema = z
  .object({
    maxDepth: z.number().int().nonnegative().optional().describe('How many hops to follow at most.'),
    stopAtKinds: z
      .array(z.string())
      .optional()
      .describe('Kinds that are reported as impacted but that a change does not go on through.'),
    skipTypes: z.array(z.string()).optional().describe('Relation types that a change never follows.'),
  })
  .strict();
export type ImpactConfig = z.infer<typeof ImpactConfigSchema>;
