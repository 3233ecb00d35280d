import { z } from 'zod';

/** The statuses left out of coverage when a policy does not say (OpenFastTrace's `rejected`). */
export const DEFAULT_EXCLUDED_STATUSES: readonly string[] = ['withdrawn'];

/** One thing a kind needs: an incoming relation name, optionally only from elements of some kinds. */
export const CoverageNeedSchema = z.union([
  z.string().min(1),
  z
    .object({
      relation: z
        .string()
        .min(1)
        .describe('A relation name as it reads from the covered element (satisfiedBy).'),
      kinds: z.array(z.string().min(1)).min(1).optional().describe('Only elements of these kinds count.'),
    })
    .strict(),
]);
export type CoverageNeed = z.infer<typeof CoverageNeedSchema>;

/** What one kind needs to be covered, and what it must provide not to be an orphan. */
export const KindCoveragePolicySchema = z
  .object({
    needs: z
      .array(CoverageNeedSchema)
      .default([])
      .describe('Relation names (as they read from the element) that must each have at least one element.'),
    deep: z
      .boolean()
      .default(true)
      .describe(
        'Covered only when the covering elements are themselves covered, all the way down (the default, as in OpenFastTrace); false checks this element alone.',
      ),
    provides: z
      .array(z.string().min(1))
      .default([])
      .describe('Relation names of which an element must have at least one, or it is an orphan (verifies).'),
    exclude: z
      .object({ status: z.array(z.string()).default([...DEFAULT_EXCLUDED_STATUSES]) })
      .strict()
      .default({ status: [...DEFAULT_EXCLUDED_STATUSES] })
      .describe(
        'Statuses whose elements are left out of coverage: they need nothing and cover nothing (default [withdrawn]).',
      ),
  })
  .strict();
export type KindCoveragePolicy = z.infer<typeof KindCoveragePolicySchema>;

/**
 * The `coverage:` section of tracery.yaml, in the spirit of OpenFastTrace's "needs": per kind, the
 * relations it needs. `{ Requirement: { needs: [satisfiedBy, verifiedBy] } }`.
 */
export const CoveragePolicySchema = z
  .record(z.string().min(1), KindCoveragePolicySchema)
  .describe('Per kind, the relations it needs to be covered (OpenFastTrace "needs").');
export type CoveragePolicy = z.infer<typeof CoveragePolicySchema>;

/** The policy a repository without a `coverage:` section gets. */
export const DEFAULT_COVERAGE_POLICY: CoveragePolicy = CoveragePolicySchema.parse({
  Requirement: { needs: ['satisfiedBy', 'verifiedBy'] },
  TestCase: { provides: ['verifies'] },
});

/** The relation name and the kinds that count, of a need written either way. */
export function needParts(need: CoverageNeed): { relation: string; kinds: readonly string[] | undefined } {
  return typeof need === 'string'
    ? { relation: need, kinds: undefined }
    : { relation: need.relation, kinds: need.kinds };
}
