import { z } from 'zod';

/**
 * The `estimate:` section of tracery.yaml: a rough-order-of-magnitude estimate of a change request,
 * as effort days per changed or impacted element of each kind, at a day rate.
 */
export const EstimateConfigSchema = z
  .object({
    dayRate: z.number().nonnegative().describe('The cost of one day of effort.'),
    currency: z.string().min(1).default('GBP').describe('The currency of the day rate (GBP).'),
    daysPerKind: z
      .record(z.string(), z.number().nonnegative())
      .describe('Effort days per changed or impacted element of each kind: { Interface: 5, ... }.'),
  })
  .strict();
export type EstimateConfig = z.infer<typeof EstimateConfigSchema>;
