import type { Element, Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import { elementHash, sha256 } from './content-hash.js';

/**
 * The relation attributes a review writes: the stamp, who reviewed, and when. They record a review,
 * not a change to the design, so diffs report them apart (as reviews) and impact never starts from them.
 */
export const REVIEW_FIELDS: readonly string[] = ['reviewed', 'reviewedAt', 'reviewedBy'];

/** The prefix of a stamp of the current scheme: the reviewed content of each end (see {@link reviewStamp}). */
const STAMP_PREFIX = 'v2:';
const STAMP_HASH_LENGTH = 16;
/** A stamp written before v2: the hash of each end's whole element, status, owner and tags included. */
const LEGACY_STAMP = /^[0-9a-f]{16}\/[0-9a-f]{16}$/;

/** A cache of per-element stamp halves for one pass over a model. */
export type HashCache = Map<string, string>;

/**
 * What a reviewer of a link reviews at each end: the element's id, kind, name, description and its
 * kind's own attributes, keys sorted. Status, owner, tranche and tags are left out on purpose: they say
 * where the element is in its life cycle and who holds it, not what it is, so approving an element (or
 * handing it to another owner) does not make its links suspect.
 */
function reviewedContent(element: Element): string {
  const attributes: Record<string, unknown> = {};
  for (const key of Object.keys(element.attributes).sort()) attributes[key] = element.attributes[key];
  return JSON.stringify({
    id: element.id,
    kind: element.kind,
    name: element.name,
    description: element.description ?? null,
    attributes,
  });
}

function half(model: Model, id: string, cache: HashCache): string {
  let hash = cache.get(id);
  if (hash === undefined) {
    hash = sha256(reviewedContent(model.getElement(id))).slice(0, STAMP_HASH_LENGTH);
    cache.set(id, hash);
  }
  return hash;
}

/**
 * The review stamp of a link: `v2:` then the first 16 hex digits of the sha256 of the reviewed content
 * of its source and of its target (id, kind, name, description, attributes; not status, owner, tranche
 * or tags), as `v2:source/target`. A review records it in the link's `reviewed` attribute.
 *
 * @example
 * reviewStamp(model, { source: 'IF-021', target: 'MB-M0' }) // 'v2:3f2a9c0d1b2e4f56/9a8b7c6d5e4f3a2b'
 */
export function reviewStamp(
  model: Model,
  relation: Pick<Relation, 'source' | 'target'>,
  cache: HashCache = new Map(),
): string {
  return `${STAMP_PREFIX}${half(model, relation.source, cache)}/${half(model, relation.target, cache)}`;
}

/**
 * The part of `recorded` that holds the two halves, and what each end's half is now in the same
 * scheme: v2 (the reviewed content, see {@link reviewStamp}), or, for a stamp written before v2, the
 * hash of the whole element (so an upgrade makes no link suspect).
 */
function stampParts(
  model: Model,
  recorded: string,
  cache: HashCache,
): { readonly body: string; readonly current: (id: string) => string } {
  if (LEGACY_STAMP.test(recorded))
    return {
      body: recorded,
      current: (id) => elementHash(model.getElement(id)).slice(0, STAMP_HASH_LENGTH),
    };
  const body = recorded.startsWith(STAMP_PREFIX) ? recorded.slice(STAMP_PREFIX.length) : recorded;
  return { body, current: (id) => half(model, id, cache) };
}

/**
 * True when either end changed since `recorded` was stamped: what {@link compareStamp} tells, without
 * hashing the target when the source changed already (enough to know a link is suspect).
 */
export function stampChanged(
  model: Model,
  relation: Pick<Relation, 'source' | 'target'>,
  recorded: string,
  cache: HashCache,
): boolean {
  const { body, current } = stampParts(model, recorded, cache);
  const [rs, rt] = body.split('/');
  return rs !== current(relation.source) || rt !== current(relation.target);
}

/**
 * Compares a recorded stamp with the content now. A v2 stamp is compared with {@link reviewStamp}; a
 * stamp written before v2 with the hashes it was made of, so an upgrade makes no link suspect (the next
 * review of the link writes a v2 stamp). Gives, for each end, whether it changed.
 */
export function compareStamp(
  model: Model,
  relation: Pick<Relation, 'source' | 'target'>,
  recorded: string,
  cache: HashCache,
): { readonly source: boolean; readonly target: boolean } {
  const { body, current } = stampParts(model, recorded, cache);
  const [rs, rt] = body.split('/');
  return { source: rs !== current(relation.source), target: rt !== current(relation.target) };
}
