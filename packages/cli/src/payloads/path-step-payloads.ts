import type { ImpactStep, PathStep } from '@tracery/core';
import { z } from 'zod';
import type { Described } from './deep-readonly.js';

/**
 * One relation crossed on a path, the same in every payload that has a path (`trace`, `trace --to`,
 * `impact`): the walk went from `from` to `to` across a relation of type `relation`, `forward` when
 * the relation goes from `from` to `to`, `backward` when it goes from `to` to `from`.
 */
export const PathStepSchema = z.object({
  from: z.string(),
  relation: z.string(),
  to: z.string(),
  direction: z.enum(['forward', 'backward']),
});

/** A step of an impact path: the path step, and whether it propagated the change or notified `to`. */
export const ImpactStepSchema = PathStepSchema.extend({ effect: z.enum(['propagate', 'notify']) });

// The schemas describe core's step types: a change to either is a compile error here.
({}) as PathStep satisfies Described<typeof PathStepSchema>;
({}) as ImpactStep satisfies Described<typeof ImpactStepSchema>;
