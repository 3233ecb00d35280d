import type { TraceHit } from '@tracery/core';
import { z } from 'zod';
import type { Described } from './deep-readonly.js';
import { PathStepSchema } from './path-step-payloads.js';

const HitSchema = z.object({
  id: z.string(),
  kind: z.string(),
  depth: z.number().int().nonnegative(),
  path: z.array(PathStepSchema),
});

/** `tracery trace ID [--up]`: every element reached, or with `--to`, the path between two elements. */
export const TracePayloadSchema = z.union([
  z.object({ id: z.string(), direction: z.enum(['up', 'down']), hits: z.array(HitSchema) }),
  z.object({ from: z.string(), to: z.string(), path: z.array(PathStepSchema).nullable() }),
]);

const SummarySchema = z.looseObject({
  requirements: z.number().int(),
  covered: z.number().int(),
  coveragePct: z.number(),
});

/** `tracery trace report`: the test-trace report. */
export const TestTracePayloadSchema = z.object({
  title: z.string(),
  summary: SummarySchema,
  byArtefact: z.array(SummarySchema),
  byTranche: z.array(SummarySchema),
  byService: z.array(SummarySchema),
  requirements: z.array(z.looseObject({ id: z.string(), verdict: z.string() })),
  excludedRequirements: z.array(z.unknown()),
  testCasesWithoutResults: z.array(z.string()),
  orphanTestCases: z.array(z.unknown()),
  unmatchedResults: z.array(z.unknown()),
  resultFiles: z.array(
    z.looseObject({ file: z.string(), timeSource: z.string().optional(), timestamp: z.string().optional() }),
  ),
});

({}) as TraceHit satisfies Described<typeof HitSchema>;
