import type { ImpactEffect } from '../metamodel/metamodel-schema.js';
import type { PathStep } from '../model/path-step.js';

/** Effects that override the metamodel's for one run, per relation type and direction. */
export type ImpactEffectOverrides = Readonly<
  Record<
    string,
    { readonly forward?: ImpactEffect | undefined; readonly backward?: ImpactEffect | undefined }
  >
>;

/** Options of an impact run. */
export type ImpactOptions = {
  /** How many hops from a changed element to follow at most (default: no limit). */
  readonly maxDepth?: number;
  /**
   * Cross only these relation names, each in the direction it reads: `partOf` from the part to the
   * whole, `hasPart` from the whole to its parts (as in `trace`). Effects still apply.
   */
  readonly types?: readonly string[];
  /** Never cross these relation names, each in the direction it reads (a type name and its inverse: both ways). */
  readonly skipTypes?: readonly string[];
  /** Elements of these kinds are impacted but, as if notified, the change goes no further than their follow-ups. */
  readonly stopAtKinds?: readonly string[];
  /** Effects over the metamodel's for this run, per relation type and direction. */
  readonly effects?: ImpactEffectOverrides;
  /**
   * The relation names a notified element passes the change on by, each in the direction it reads
   * (default `verifiedBy`: its tests re-run, and `documentedIn`: its documents re-issued).
   */
  readonly followUps?: readonly string[];
  /** The kinds that act on the design (default Service and Role). */
  readonly actorKinds?: readonly string[];
  /** The relations by which an actor takes part in an element (default performs, sends, receives). */
  readonly actorRelations?: readonly string[];
};

/** How a change reached an element: it changes too (`propagated`) or it must act (`notified`). */
export type ImpactReach = 'propagated' | 'notified';

/**
 * One step of an explanation, read from the changed element outwards: a change at `from` reaches `to`
 * across a relation of type `relation`, which goes from `from` to `to` (`forward`) or from `to` to
 * `from` (`backward`), and `to` is propagated or notified by it. The path step every path has
 * ({@link PathStep}, as trace gives it), with the effect the step had.
 */
export type ImpactStep = PathStep & { readonly effect: 'propagate' | 'notify' };

/** An element that a change reaches: how, how many hops away, and one shortest path that explains why. */
export type ImpactedElement = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly depth: number;
  /** `propagated` when some path changes it; otherwise `notified` (it must act, re-test or re-issue). */
  readonly reach: ImpactReach;
  /** The steps from a changed element to this one, a shortest path of that reach. */
  readonly path: readonly ImpactStep[];
};

/** A service or role that must act, and the changed or impacted elements it performs, sends or receives. */
export type ActorImpact = {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** True when the actor itself is changed (one of the changed elements). */
  readonly self: boolean;
  /** Changed or impacted elements the actor takes part in, sorted by id. */
  readonly elements: readonly string[];
};

/** A test to re-run or a document to re-issue, and the changed or impacted elements that call for it. */
export type FollowUp = {
  readonly id: string;
  readonly name: string;
  /** The changed or impacted elements it verifies (tests) or specifies (documents), sorted. */
  readonly because: readonly string[];
};

/** The result of an impact run: plain data, sorted by id. */
export type ImpactResult = {
  /** The changed elements the run started from, sorted. */
  readonly changed: readonly string[];
  /** Every element the change reaches (the changed ones excluded), sorted by id. */
  readonly impacted: readonly ImpactedElement[];
  /** Impacted ids by kind; kinds sorted, ids sorted. */
  readonly idsByKind: Readonly<Record<string, readonly string[]>>;
  /** The services and roles that must act (changed or impacted ones), sorted by id. */
  readonly parties: readonly ActorImpact[];
  /** The impacted tests (TestCase), to re-run. */
  readonly testsToRerun: readonly FollowUp[];
  /** The impacted documents (Artefact), to re-issue. */
  readonly documentsToReissue: readonly FollowUp[];
};
