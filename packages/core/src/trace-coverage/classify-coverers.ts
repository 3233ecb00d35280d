import type { Model } from '../model/model.js';
import { type CompiledNeed, type CompiledRule, type CoverIndex, endsOf } from './compiled-policy.js';

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

/** What {@link classifyCoverers} needs besides the element: the index, exclusions and outdated links. */
export type CoverContext = {
  readonly model: Model;
  readonly index: CoverIndex;
  /** True when an element's status leaves it out of coverage. */
  readonly excluded: (id: string) => boolean;
  /** The kind of an element of the model. */
  readonly kindOf: (id: string) => string;
  /** Keys (`type\u0000source\u0000target`) of links that are suspect since their last review. */
  readonly outdated: ReadonlySet<string>;
};

/** The key of a link in {@link CoverContext.outdated}. */
export const linkKey = (type: string, source: string, target: string) =>
  `${type}\u0000${source}\u0000${target}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts the elements at the far end of each need of an element into those that count and those that
 * do not (with the reason). A relation name is looked at once even when several needs use it.
 */
export function classifyCoverers(
  context: CoverContext,
  id: string,
  rule: CompiledRule,
): { needs: NeedCoverage[]; ignored: IgnoredCoverage[] } {
  const { index, kindOf } = context;
  const ignored: IgnoredCoverage[] = [];
  const needs: NeedCoverage[] = [];
  for (let n = 0; n < rule.needs.length; n++) {
    const need = rule.needs[n]!;
    const by: string[] = [];
    const firstTime = rule.needs.findIndex((other) => other.relation === need.relation) === n;
    for (const other of endsOf(index, id, need)) {
      const kind = kindOf(other);
      const reason = reasonToIgnore(context, need, id, other, kind);
      if (reason === undefined) {
        if (!need.kinds || need.kinds.has(kind)) by.push(other);
      } else if (firstTime) ignored.push({ relation: need.relation, by: other, reason });
    }
    needs.push({ relation: need.relation, by: by.length > 1 ? by.sort(byText) : by });
  }
  if (ignored.length > 1) ignored.sort((a, b) => byText(a.relation, b.relation) || byText(a.by, b.by));
  return { needs, ignored };
}

function reasonToIgnore(
  context: CoverContext,
  need: CompiledNeed,
  id: string,
  other: string,
  otherKind: string,
): IgnoredReason | undefined {
  if (context.excluded(other)) return 'excluded';
  if (need.accepted && !need.accepted.has(otherKind)) return 'unwanted';
  if (context.outdated.size === 0) return undefined;
  const key = need.incoming ? linkKey(need.type, other, id) : linkKey(need.type, id, other);
  if (context.outdated.has(key)) return 'outdated';
  return undefined;
}
