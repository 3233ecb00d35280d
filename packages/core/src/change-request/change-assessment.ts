import type { ActorImpact, FollowUp, ImpactReach, ImpactStep } from '../impact/impact-types.js';

export type { FollowUp };

/** One change a request makes: the element, and the nature and note of its `changes` relation. */
export type RequestedChange = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nature: string;
  readonly note?: string;
};

/** An impacted element in an assessment, with its explanation rendered and as hops. */
export type AssessedElement = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly depth: number;
  /** `propagated` (it changes too) or `notified` (it must act, re-test or re-issue). */
  readonly reach: ImpactReach;
  /** `DI-0023 -partOf-> MB-M0 <-carries- IF-021`: each arrow is a relation in the model files. */
  readonly explanation: string;
  readonly path: readonly ImpactStep[];
};

/** A party that must act: a service or role, with the changed or impacted elements it takes part in. */
export type AffectedParty = ActorImpact;

/** One line of a rough-order-of-magnitude estimate. */
export type EstimateLine = {
  readonly kind: string;
  readonly count: number;
  readonly daysEach: number;
  readonly days: number;
};

/** A rough-order-of-magnitude estimate: days per kind at a day rate. */
export type Estimate = {
  readonly currency: string;
  readonly dayRate: number;
  readonly lines: readonly EstimateLine[];
  /** Kinds with changed or impacted elements but no rate in the config (not costed). */
  readonly unpriced: readonly string[];
  readonly days: number;
  readonly cost: number;
};

/** The options an assessment ran with, as given (for the record in the report). */
export type AssessmentSettings = {
  readonly maxDepth?: number;
  readonly stopAtKinds: readonly string[];
  readonly skipTypes: readonly string[];
};

/** The assessment of a change request: plain data with a stable JSON shape, sorted by id. */
export type ChangeAssessment = {
  readonly changeRequest: {
    readonly id: string;
    readonly name: string;
    readonly status?: string;
    readonly decision?: string;
    readonly option?: string;
  };
  readonly settings: AssessmentSettings;
  readonly changes: readonly RequestedChange[];
  readonly impacted: readonly AssessedElement[];
  /** How many elements of each kind are impacted (changed ones excluded), kinds sorted. */
  readonly countsByKind: Readonly<Record<string, number>>;
  readonly artefactsToReissue: readonly FollowUp[];
  readonly testsToRerun: readonly FollowUp[];
  readonly parties: readonly AffectedParty[];
  readonly estimate?: Estimate;
};
