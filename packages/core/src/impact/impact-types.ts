/** Options of an impact run. */
export type ImpactOptions = {
  /** How many hops from a changed element to follow at most (default: no limit). */
  readonly maxDepth?: number;
  /** Follow only these relation types (forward or inverse names). */
  readonly types?: readonly string[];
  /** Never follow these relation types (forward or inverse names). */
  readonly skipTypes?: readonly string[];
  /** Elements of these kinds are reported as impacted, but a change does not go on through them. */
  readonly stopAtKinds?: readonly string[];
  /** The kinds that act on the design (default Service and Role). */
  readonly actorKinds?: readonly string[];
  /** The relations by which an actor takes part in an element (default performs, sends, receives). */
  readonly actorRelations?: readonly string[];
};

/**
 * One hop of an explanation, read from the changed element outwards: a change at `from` reaches `to`
 * across the relation `type`, which really goes from `from` to `to` (`forward`) or from `to` to `from`.
 */
export type ImpactHop = {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly direction: 'forward' | 'backward';
};

/** An element that a change reaches: how many hops away, and one shortest path that explains why. */
export type ImpactedElement = {
  readonly id: string;
  readonly kind: string;
  readonly depth: number;
  /** The hops from a changed element to this one; the first hop starts at a changed element. */
  readonly path: readonly ImpactHop[];
};

/** A service or role that must act, and the changed or impacted elements it performs, sends or receives. */
export type ActorImpact = {
  readonly id: string;
  readonly kind: string;
  /** True when the actor itself is changed or impacted. */
  readonly self: boolean;
  /** Changed or impacted elements the actor takes part in, sorted by id. */
  readonly elements: readonly string[];
};

/** The result of an impact run: plain data, sorted by id. */
export type ImpactResult = {
  /** The changed elements the run started from, sorted. */
  readonly changed: readonly string[];
  /** Every element the change reaches (the changed ones excluded), sorted by id. */
  readonly impacted: readonly ImpactedElement[];
  /** Impacted ids by kind; kinds sorted, ids sorted. */
  readonly byKind: Readonly<Record<string, readonly string[]>>;
  /** The services and roles that must act, sorted by id. */
  readonly byActor: readonly ActorImpact[];
};
