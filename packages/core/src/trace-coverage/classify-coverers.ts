import type { Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import type { CompiledNeed, CompiledRule } from './compiled-policy.js';
import { type CoverSubjects, isExcluded } from './cover-subjects.js';

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
 * What {@link classifyCoverers} reads and writes besides the element. It reads the model, the numbered
 * subjects, the outdated links and `node` (1 for a subject with needs that is not excluded: a node of
 * the coverage graph); it writes, per subject, `shallow` (1 when every need is met) and `ignored`, and
 * appends to `edges` the graph nodes that count as covering it.
 */
export type CoverContext = {
  readonly model: Model;
  readonly subjects: CoverSubjects;
  readonly outdated: OutdatedLinks;
  /** 1 for a subject at one end of an outdated link: only its links are looked up in `outdated`. */
  readonly nearOutdated: Uint8Array;
  readonly node: Uint8Array;
  readonly shallow: Uint8Array;
  readonly ignored: (readonly IgnoredCoverage[] | undefined)[];
  readonly edges: number[];
  /** Reused between needs, so that each list of coverers is allocated once at its length. */
  readonly scratch: string[];
  /** Reused between subjects: the current subject's ignored links, copied out when there are any. */
  readonly scratchIgnored: IgnoredCoverage[];
};

/** A shared empty list (frozen): most needs are met and most elements have nothing ignored. */
export const NONE: readonly never[] = Object.freeze([]);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byRelationThenBy = (a: IgnoredCoverage, b: IgnoredCoverage) =>
  byText(a.relation, b.relation) || byText(a.by, b.by);

/**
 * Sorts the elements at the far end of each need of subject `at` into those that count and those that do
 * not (with the reason; listed under the first need of a relation name only), and appends the graph
 * nodes among those that count to `context.edges`. Gives, per need, the elements that count (sorted).
 */
export function classifyCoverers(context: CoverContext, at: number, rule: CompiledRule): NeedCoverage[] {
  let shallow = true;
  const needs: NeedCoverage[] = new Array(rule.needs.length);
  context.scratchIgnored.length = 0;
  for (let n = 0; n < rule.needs.length; n++) {
    const need = rule.needs[n]!;
    const counted = coverersOf(context, at, need);
    let by: readonly string[] = NONE;
    if (counted === 0) shallow = false;
    else {
      by = context.scratch.slice(0, counted);
      if (counted > 1) (by as string[]).sort(byText);
    }
    needs[n] = { relation: need.relation, by };
  }
  if (context.scratchIgnored.length > 0) {
    const ignored = context.scratchIgnored.slice();
    if (ignored.length > 1) ignored.sort(byRelationThenBy);
    context.ignored[at] = ignored;
  }
  if (shallow) context.shallow[at] = 1;
  return needs;
}

/**
 * One need's far ends: those that count into the scratch list (and the graph nodes among them into the
 * graph's edges), the others into the ignored scratch list; gives how many count.
 */
function coverersOf(context: CoverContext, at: number, need: CompiledNeed): number {
  const { model, subjects, scratch } = context;
  const list = need.incoming ? subjects.into[at]! : subjects.out[at]!;
  let counted = 0;
  for (let i = 0; i < list.length; i++) {
    const relation = list[i]!;
    if (relation.type !== need.type) continue;
    const other = need.incoming ? relation.source : relation.target;
    const number = subjects.index.get(other);
    let kind: string;
    let excluded: boolean;
    if (number === undefined) {
      const element = model.getElement(other);
      kind = element.kind;
      excluded = isExcluded(element, undefined);
    } else {
      kind = subjects.kinds[number]!;
      excluded = subjects.excluded[number] === 1;
    }
    const reason = excluded
      ? 'excluded'
      : need.accepted && !need.accepted.has(kind)
        ? 'unwanted'
        : context.nearOutdated[at] === 1 && isOutdated(context.outdated, relation)
          ? 'outdated'
          : undefined;
    if (reason !== undefined) {
      if (need.listsIgnored) context.scratchIgnored.push({ relation: need.relation, by: other, reason });
    } else if (!need.kinds || need.kinds.has(kind)) {
      scratch[counted++] = other;
      if (number !== undefined && context.node[number] === 1) context.edges.push(number);
    }
  }
  return counted;
}

function isOutdated(outdated: OutdatedLinks, relation: Relation): boolean {
  const keys = outdated.get(relation.source);
  return keys?.has(`${relation.type}\u0000${relation.target}`) === true;
}
