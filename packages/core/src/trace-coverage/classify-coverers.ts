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
  /** Keys (`type\u0000source\u0000target`) of links that are suspect since their last review. */
  readonly outdated: ReadonlySet<string>;
};

/** The key of a link in {@link CoverContext.outdated}. */
export const linkKey = (type: string, source: string, target: string) =>
  `${type}\u0000${source}\u0000${target}`;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The kinds the needs of one relation name accept, or undefined when one of them accepts any kind. */
function acceptedKinds(needs: readonly CompiledNeed[], relation: string): ReadonlySet<string> | undefined {
  const kinds = new Set<string>();
  for (const need of needs) {
    if (need.relation !== relation) continue;
    if (!need.kinds) return undefined;
    for (const k of need.kinds) kinds.add(k);
  }
  return kinds;
}

/**
 * Sorts the elements at the far end of each need of an element into those that count and those that
 * do not (with the reason). A relation name is looked at once even when several needs use it.
 */
export function classifyCoverers(
  context: CoverContext,
  id: string,
  rule: CompiledRule,
): { needs: NeedCoverage[]; ignored: IgnoredCoverage[] } {
  const { model, index } = context;
  const ignored: IgnoredCoverage[] = [];
  const seen = new Set<string>();
  const kindOf = (other: string): string => model.graph.getNodeAttribute(other, 'element').kind;
  const needs = rule.needs.map((need): NeedCoverage => {
    const by: string[] = [];
    const firstTime = !seen.has(need.relation);
    seen.add(need.relation);
    const accepted = acceptedKinds(rule.needs, need.relation);
    for (const other of endsOf(index, id, need)) {
      const reason = reasonToIgnore(context, need, id, other, accepted, kindOf(other));
      if (reason === undefined) {
        if (!need.kinds || need.kinds.has(kindOf(other))) by.push(other);
      } else if (firstTime) ignored.push({ relation: need.relation, by: other, reason });
    }
    return { relation: need.relation, by: by.sort(byText) };
  });
  ignored.sort((a, b) => byText(a.relation, b.relation) || byText(a.by, b.by));
  return { needs, ignored };
}

function reasonToIgnore(
  context: CoverContext,
  need: CompiledNeed,
  id: string,
  other: string,
  accepted: ReadonlySet<string> | undefined,
  otherKind: string,
): IgnoredReason | undefined {
  if (context.excluded(other)) return 'excluded';
  if (accepted && !accepted.has(otherKind)) return 'unwanted';
  const [source, target] = need.incoming ? [other, id] : [id, other];
  if (context.outdated.has(linkKey(need.type, source, target))) return 'outdated';
  return undefined;
}
