import type { ChangeAssessment, ImpactResult, OptionComparison } from '@tracery/core';
import { z } from 'zod';
import type { Described } from './deep-readonly.js';
import { ImpactStepSchema } from './path-step-payloads.js';

const Ids = z.array(z.string());

const ImpactedSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  depth: z.number().int().nonnegative(),
  reach: z.enum(['propagated', 'notified']),
  path: z.array(ImpactStepSchema),
});

const PartySchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  self: z.boolean(),
  elements: Ids,
});

const FollowUpSchema = z.object({ id: z.string(), name: z.string(), because: Ids });

/** `tracery impact IDS` and `--since BASE` (which adds the reviews recorded since the base, apart). */
export const ImpactPayloadSchema = z.object({
  changed: Ids,
  impacted: z.array(ImpactedSchema),
  idsByKind: z.record(z.string(), Ids),
  parties: z.array(PartySchema),
  testsToRerun: z.array(FollowUpSchema),
  documentsToReissue: z.array(FollowUpSchema),
  reviewedSince: z.array(z.looseObject({})).optional(),
});

/** `tracery impact --cr CR`: the assessment of a change request. */
export const AssessmentPayloadSchema = z.object({
  changeRequest: z.looseObject({ id: z.string(), name: z.string() }),
  settings: z.looseObject({ stopAtKinds: Ids, skipTypes: Ids }),
  changes: z.array(z.looseObject({ id: z.string(), kind: z.string(), name: z.string() })),
  impacted: z.array(ImpactedSchema.extend({ explanation: z.string() })),
  countsByKind: z.record(z.string(), z.number().int()),
  artefactsToReissue: z.array(FollowUpSchema),
  testsToRerun: z.array(FollowUpSchema),
  parties: z.array(PartySchema),
  estimate: z.looseObject({ days: z.number() }).optional(),
});

/** `tracery impact --decision DEC`: the options of a decision side by side. */
export const ComparisonPayloadSchema = z.object({
  decision: z.string(),
  decisionName: z.string().optional(),
  options: z.array(z.looseObject({ option: z.string(), changeRequest: z.string() })),
  parties: z.array(z.object({ id: z.string(), name: z.string(), options: Ids })),
  assessments: z.array(AssessmentPayloadSchema),
});

// The schemas describe the core types the payloads are: a change to either is a compile error here.
({}) as ImpactResult satisfies Described<typeof ImpactPayloadSchema>;
({}) as ChangeAssessment satisfies Described<typeof AssessmentPayloadSchema>;
({}) as OptionComparison satisfies Described<typeof ComparisonPayloadSchema>;
