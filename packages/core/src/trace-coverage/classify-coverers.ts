import type { Relation } from '../model/element.js';
import type { CoverLinks } from './cover-links.js';
import type { CoverSubjects } from './cover-subjects.js';
import type { NeedPlan, RulePlan } from './need-plan.js';

/** How one need of an element is met: the relation name and the elements that meet it (sorted). */
export type NeedCoverage = { readonly relation: string; readonly by: readonly string[] };

/**
 * Why a relation that reads like coverage does not count: the covering element's kind is not one the
 * need wants (`unwanted`, OpenFastTrace's "unwanted coverage"), the link is suspect since its last
 * review (`outdated`, OpenFastTrace's "outdated coverage"), or the covering element's status is
 * excluded from coverage (`excluded`: a withdrawn element covers nothing).
 */
export type IgnoredReason = 'unwanted' | 'outdated' | 'excluded';

/** A relation that reads like coverage of an element but does not count, and why. */
export type IgnoredCoverage = {
  readonly relation: string;
  readonly by: string;
  readonly reason: IgnoredReason;
};

/** A shared empty list (frozen): most needs are met and most elements have nothing ignored. */
export const NONE: readonly never[] = Object.freeze([]);

/** Links suspect since their last review, by source, then `type\u0000target`. */
export type OutdatedLinks = ReadonlyMap<string, ReadonlySet<string>>;

/** Indexes outdated links by source, so that a link whose source has none is told apart without a key. */
export function outdatedLinks(links: readonly Pick<Relation, 'type' | 'source' | 'target'>[]): OutdatedLinks {
  const bySource = new Map<string, Set<string>>();
  for (const { type, source, target } of links) {
    let keys = bySource.get(source);
    if (!keys) {
      keys = new Set();
      bySource.set(source, keys);
    }
    keys.add(`${type}\u0000${target}`);
  }
  return bySource;
}

/**
 * What the classification finds, by element number. `node` is 1 for an element of the coverage graph
 * (one with needs, not excluded) and `shallow` 1 when all its needs are met. The elements that count as
 * covering element `e` are `coverers[start[e]]` up to `coverers[start[e + 1]]` (exclusive), need by
 * need: need `n` of a graph node ends at `needEnd[slot[e] + n]` (and starts where the one before ends).
 * `ignored` holds, for the elements that have any (1 in `hasIgnored`: most have none, and a look-up in
 * a map for each element cost more than the flag), the links that do not count (sorted by relation,
 * then covering element).
 */
export type Classification = {
  readonly node: Uint8Array;
  readonly shallow: Uint8Array;
  readonly start: Int32Array;
  readonly coverers: Int32Array;
  readonly slot: Int32Array;
  readonly needEnd: Int32Array;
  readonly hasIgnored: Uint8Array;
  readonly ignored: ReadonlyMap<number, readonly IgnoredCoverage[]>;
};

/** What {@link classifyAll} reads. */
export type ClassifyInput = {
  readonly links: CoverLinks;
  readonly subjects: CoverSubjects;
  readonly plans: readonly RulePlan[];
  readonly outdated: OutdatedLinks;
};

/** A classification while it is made (its coverers are in {@link Found}). */
type Building = Omit<Classification, 'coverers' | 'ignored'> & {
  readonly ignored: Map<number, readonly IgnoredCoverage[]>;
};

/** The coverers found so far (a growing list) and the current element's ignored links. */
type Found = { coverers: Int32Array; length: number; readonly ignored: IgnoredCoverage[] };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byRelationThenBy = (a: IgnoredCoverage, b: IgnoredCoverage) =>
  byText(a.relation, b.relation) || byText(a.by, b.by);

/** Marks the graph nodes and gives each the index of its first need among all the graph's needs. */
function graphNodes(input: ClassifyInput): { node: Uint8Array; slot: Int32Array; slots: number } {
  const { rule, excluded } = input.subjects;
  const node = new Uint8Array(rule.length);
  const slot = new Int32Array(rule.length);
  let slots = 0;
  for (let e = 0; e < rule.length; e++) {
    const r = rule[e]!;
    if (r < 0 || excluded[e] === 1) continue;
    const needs = input.plans[r]!.needs.length;
    if (needs === 0) continue;
    node[e] = 1;
    slot[e] = slots;
    slots += needs;
  }
  return { node, slot, slots };
}

/**
 * One pass over the graph nodes, in number order: each need's coverers (those that count), whether
 * all needs are met, and the links that do not count (with the reason). Looks no id up, but for the
 * links at an element near an outdated link.
 */
export function classifyAll(input: ClassifyInput): Classification {
  const size = input.subjects.rule.length;
  const { node, slot, slots } = graphNodes(input);
  const classified: Building = {
    node,
    shallow: new Uint8Array(size),
    start: new Int32Array(size + 1),
    slot,
    needEnd: new Int32Array(slots),
    hasIgnored: new Uint8Array(size),
    ignored: new Map<number, readonly IgnoredCoverage[]>(),
  };
  const { into, out } = input.links;
  const found: Found = {
    coverers: new Int32Array(into.far.length + out.far.length + 16),
    length: 0,
    ignored: [],
  };
  for (let e = 0; e < size; e++) {
    classified.start[e] = found.length;
    if (node[e] === 1) classifyNode(input, classified, found, e);
  }
  classified.start[size] = found.length;
  return { ...classified, coverers: found.coverers.subarray(0, found.length) };
}

/** Classifies graph node `at`: each need's coverers, whether all are met, the links that do not count. */
function classifyNode(input: ClassifyInput, classified: Building, found: Found, at: number): void {
  const needs = input.plans[input.subjects.rule[at]!]!.needs;
  let met = true;
  // Emptied only when it holds something: setting a list's length costs a call into the runtime.
  if (found.ignored.length > 0) found.ignored.length = 0;
  for (let n = 0; n < needs.length; n++) {
    const before = found.length;
    coverersOf(input, found, at, needs[n]!);
    if (found.length === before) met = false;
    classified.needEnd[classified.slot[at]! + n] = found.length;
  }
  if (met) classified.shallow[at] = 1;
  if (found.ignored.length === 0) return;
  classified.hasIgnored[at] = 1;
  classified.ignored.set(at, found.ignored.slice().sort(byRelationThenBy));
}

/** One need's far ends at element `at`: those that count onto `found`, the others into its ignored list. */
function coverersOf(input: ClassifyInput, found: Found, at: number, need: NeedPlan): void {
  const { subjects } = input;
  const side = need.incoming ? input.links.into : input.links.out;
  for (let i = side.start[at]!; i < side.start[at + 1]!; i++) {
    if (side.type[i] !== need.type) continue;
    const other = side.far[i]!;
    const kind = subjects.kind[other]!;
    const reason: IgnoredReason | undefined =
      subjects.excluded[other] === 1
        ? 'excluded'
        : need.accepts[kind] === 0
          ? 'unwanted'
          : subjects.near[at] === 1 && isOutdated(input, need, at, other)
            ? 'outdated'
            : undefined;
    if (reason !== undefined) {
      if (need.listsIgnored)
        found.ignored.push({ relation: need.relation, by: subjects.ids[other]!, reason });
    } else if (need.counts[kind] === 1) push(found, other);
  }
}

function push(found: Found, value: number): void {
  if (found.length === found.coverers.length) {
    const grown = new Int32Array(found.coverers.length * 2 + 16);
    grown.set(found.coverers);
    found.coverers = grown;
  }
  found.coverers[found.length++] = value;
}

/** True when the link between graph node `at` and `other` (the need's coverer) is outdated. */
function isOutdated(input: ClassifyInput, need: NeedPlan, at: number, other: number): boolean {
  const { ids } = input.subjects;
  const keys = input.outdated.get(ids[need.incoming ? other : at]!);
  return keys?.has(`${need.typeName}\u0000${ids[need.incoming ? at : other]!}`) === true;
}
