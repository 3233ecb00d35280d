import { InvalidArgumentError } from '../errors/tracery-error.js';
import { type Relation, relationKey } from '../model/element.js';
import type { Model } from '../model/model.js';
import { compareStamp, type HashCache, reviewStamp, stampChanged } from './review-stamp.js';

/** Why a link is suspect. */
export type SuspectReason = 'source-changed' | 'target-changed' | 'both-changed' | 'never-reviewed';

/** A link whose ends changed after it was last reviewed (or that was never reviewed, when that counts). */
export type SuspectLink = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly reason: SuspectReason;
  /** The stamp recorded at the last review, if any. */
  readonly reviewed?: string;
  /** The stamp a review would record now. */
  readonly current: string;
};

/** Options of {@link findSuspectLinks}. */
export type SuspectLinkOptions = {
  /** Report links never reviewed as suspect too (default false). */
  readonly unreviewed?: boolean;
  /** Check only these relation types (default: all but `changes`). */
  readonly types?: readonly string[];
};

function reasonFor(changed: { source: boolean; target: boolean }): SuspectReason | undefined {
  if (changed.source && changed.target) return 'both-changed';
  if (changed.source) return 'source-changed';
  if (changed.target) return 'target-changed';
  return undefined;
}

/** Which relation types are checked: those named (by relation or inverse name), else all but `changes`. */
function checkedTypes(model: Model, options: SuspectLinkOptions): (type: string) => boolean {
  const types = options.types?.map((name) => {
    const found = model.metamodel.relationNames.get(name);
    if (!found) throw new InvalidArgumentError(`options.types: unknown relation name "${name}".`);
    return found.type.name;
  });
  return (type: string) => (types ? types.includes(type) : type !== 'changes');
}

/** Why a link of a checked type is suspect, or undefined when it is not. */
function suspectReason(
  model: Model,
  relation: Relation,
  options: SuspectLinkOptions,
  cache: HashCache,
): SuspectReason | undefined {
  const recorded = relation.attributes.reviewed;
  if (recorded === undefined) return options.unreviewed ? 'never-reviewed' : undefined;
  return reasonFor(compareStamp(model, relation, String(recorded), cache));
}

/**
 * The suspect links of a model, sorted by source, type and target: links whose source or target
 * content changed after the link was last reviewed (its `reviewed` stamp differs from the current one),
 * and, with `unreviewed`, links that were never reviewed. A rule or a report calls this.
 *
 * @example
 * findSuspectLinks(model).map((s) => `${s.source} -${s.type}-> ${s.target}: ${s.reason}`)
 */
export function findSuspectLinks(model: Model, options: SuspectLinkOptions = {}): SuspectLink[] {
  const checked = checkedTypes(model, options);
  const cache: HashCache = new Map();
  const suspects: { key: string; link: SuspectLink }[] = [];
  for (const relation of model.relations()) {
    if (!checked(relation.type)) continue;
    const reason = suspectReason(model, relation, options, cache);
    if (!reason) continue;
    const recorded = relation.attributes.reviewed;
    const { type, source, target } = relation;
    suspects.push({
      key: relationKey(relation),
      link: {
        type,
        source,
        target,
        reason,
        ...(recorded === undefined ? {} : { reviewed: String(recorded) }),
        current: reviewStamp(model, relation, cache),
      },
    });
  }
  return suspects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((s) => s.link);
}

/**
 * The links {@link findSuspectLinks} gives, as their type and ends only and in the model's order: what
 * coverage needs to tell outdated links apart, without the stamp a review would record now (two more
 * hashes per link) or the sort.
 *
 * @example
 * computeCoverage(model, policy, { outdated: suspectLinkEnds(model) })
 */
export function suspectLinkEnds(
  model: Model,
  options: SuspectLinkOptions = {},
): Pick<Relation, 'type' | 'source' | 'target'>[] {
  const checked = checkedTypes(model, options);
  const cache: HashCache = new Map();
  const ends: Pick<Relation, 'type' | 'source' | 'target'>[] = [];
  // Read without making relations: a model restored from the cache makes none for a walk like this.
  // Without `unreviewed`, a link without attributes has no stamp and is not suspect: not visited.
  const withAttributes = options.unreviewed !== true;
  model.forEachRelation(
    (type, source, target, attributes) => {
      if (!checked(type)) return;
      const recorded = attributes.reviewed;
      if (
        recorded === undefined
          ? options.unreviewed
          : stampChanged(model, { source, target }, String(recorded), cache)
      )
        ends.push({ type, source, target });
    },
    { withAttributes },
  );
  return ends;
}
