import { z } from 'zod';

/** The `suspectLinks:` section of tracery.yaml: which links are checked, and whether an unreviewed link is suspect. */
export const SuspectLinksConfigSchema = z
  .object({
    unreviewed: z
      .boolean()
      .default(false)
      .describe(
        'Report a link that was never reviewed as suspect (off by default: only reviewed links are checked).',
      ),
    types: z
      .array(z.string())
      .optional()
      .describe('The relation types whose links are checked (default: every type except changes).'),
  })
  .strict();
export type SuspectLinksConfig = z.infer<typeof SuspectLinksConfigSchema>;
