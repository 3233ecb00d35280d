import type { AttributeValue, Element, Relation } from '../model/element.js';
import { ELEMENT_BASE_KEYS } from '../model/element.js';
import { REVIEW_FIELDS } from './review-stamp.js';
import type { Snapshot } from './snapshot.js';

/** One field that differs: a base field (`name`, `status` ...), `kind`, or `attributes.<name>`. */
export type FieldChange = {
  readonly field: string;
  /** The value before; absent when the field was added. */
  readonly before?: AttributeValue | readonly string[];
  /** The value after; absent when the field was removed. */
  readonly after?: AttributeValue | readonly string[];
};

/** An element whose content changed, field by field. */
export type ElementChange = {
  readonly id: string;
  readonly kind: string;
  readonly changes: readonly FieldChange[];
};

/** A relation whose attributes changed, attribute by attribute. */
export type RelationChange = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly changes: readonly FieldChange[];
};

/**
 * A review recorded on a link between two states: only its review fields (`reviewed`, `reviewedBy`,
 * `reviewedAt`) differ. It is not a change to the design: no impact starts from it.
 */
export type LinkReview = {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  /** The stamp now; absent when the review was removed. */
  readonly stamp?: string;
  /** Who reviewed (`reviewedBy`), when recorded. */
  readonly by?: string;
  /** When (`reviewedAt`), when recorded. */
  readonly at?: string;
  /** The review fields that differ, with before and after. */
  readonly changes: readonly FieldChange[];
};

/**
 * What differs between two states of a model; every list sorted (elements by id, relations by key).
 * Reviews are apart from the changes: a relation whose review fields alone differ is in `reviews`, one
 * whose other attributes differ too is in both, each with its own fields.
 */
export type ModelDiff = {
  readonly elements: {
    readonly added: readonly Element[];
    readonly removed: readonly Element[];
    readonly changed: readonly ElementChange[];
  };
  readonly relations: {
    readonly added: readonly Relation[];
    readonly removed: readonly Relation[];
    readonly changed: readonly RelationChange[];
  };
  readonly reviews: readonly LinkReview[];
};

type Value = AttributeValue | readonly string[] | undefined;

const same = (a: Value, b: Value) =>
  Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;

function compareFields(
  before: Readonly<Record<string, Value>>,
  after: Readonly<Record<string, Value>>,
  prefix: string,
  out: FieldChange[],
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) continue;
    out.push({
      field: `${prefix}${key}`,
      ...(a === undefined ? {} : { before: a }),
      ...(b === undefined ? {} : { after: b }),
    });
  }
}

/** The field-by-field differences of two versions of one element. */
export function elementChanges(before: Element, after: Element): FieldChange[] {
  const out: FieldChange[] = [];
  const base = (e: Element) => {
    const fields: Record<string, Value> = { kind: e.kind };
    for (const key of ELEMENT_BASE_KEYS) fields[key] = e[key];
    return fields;
  };
  compareFields(base(before), base(after), '', out);
  compareFields(before.attributes, after.attributes, 'attributes.', out);
  return out;
}

/**
 * What changed from snapshot `a` to snapshot `b`: elements and relations added, removed, and changed
 * (field by field). Content hashes make unchanged entries cheap to skip.
 *
 * @example
 * const diff = diffSnapshots(parseBaseline(text, file), createSnapshot(model));
 */
export function diffSnapshots(a: Snapshot, b: Snapshot): ModelDiff {
  const elements = { added: [] as Element[], removed: [] as Element[], changed: [] as ElementChange[] };
  mergeJoin(a.elements, b.elements, {
    removed: (x) => elements.removed.push(x.element),
    added: (x) => elements.added.push(x.element),
    both: (id, before, after) => {
      if (after.hash === before.hash) return;
      const changes = elementChanges(before.element, after.element);
      elements.changed.push({ id, kind: after.element.kind, changes });
    },
  });
  const relations = { added: [] as Relation[], removed: [] as Relation[], changed: [] as RelationChange[] };
  const reviews: LinkReview[] = [];
  mergeJoin(a.relations, b.relations, {
    removed: (x) => relations.removed.push(x.relation),
    added: (x) => relations.added.push(x.relation),
    both: (_key, before, after) => {
      if (after.hash === before.hash) return;
      const all: FieldChange[] = [];
      compareFields(before.relation.attributes, after.relation.attributes, '', all);
      const { type, source, target } = after.relation;
      const changes = all.filter((f) => !REVIEW_FIELDS.includes(f.field));
      if (changes.length > 0) relations.changed.push({ type, source, target, changes });
      const reviewed = all.filter((f) => REVIEW_FIELDS.includes(f.field));
      if (reviewed.length > 0) reviews.push(linkReview(after.relation, reviewed));
    },
  });
  return { elements, relations, reviews };
}

function linkReview(relation: Relation, changes: FieldChange[]): LinkReview {
  const { type, source, target, attributes } = relation;
  const field = (name: string, key: 'stamp' | 'by' | 'at') => {
    const value = attributes[name];
    return value === undefined ? {} : { [key]: String(value) };
  };
  return {
    type,
    source,
    target,
    ...field('reviewed', 'stamp'),
    ...field('reviewedBy', 'by'),
    ...field('reviewedAt', 'at'),
    changes,
  };
}

/**
 * Walks two maps whose keys are in sorted order (as snapshots keep them) side by side, like a merge:
 * sequential and without hashing, which matters at hundreds of thousands of entries.
 */
function mergeJoin<T>(
  a: ReadonlyMap<string, T>,
  b: ReadonlyMap<string, T>,
  on: { removed(x: T): void; added(x: T): void; both(key: string, before: T, after: T): void },
): void {
  const left = a.entries();
  const right = b.entries();
  let l = left.next();
  let r = right.next();
  while (!l.done || !r.done) {
    if (r.done || (!l.done && l.value[0] < r.value[0])) {
      on.removed(l.value![1]);
      l = left.next();
    } else if (l.done || r.value[0] < l.value[0]) {
      on.added(r.value[1]);
      r = right.next();
    } else {
      on.both(l.value[0], l.value[1], r.value[1]);
      l = left.next();
      r = right.next();
    }
  }
}

/**
 * True when a diff holds no difference at all.
 *
 * @example
 * isEmptyDiff(diffSnapshots(createSnapshot(model), createSnapshot(model))) // true
 */
export function isEmptyDiff(diff: ModelDiff): boolean {
  const { elements: e, relations: r } = diff;
  return [e.added, e.removed, e.changed, r.added, r.removed, r.changed, diff.reviews].every(
    (list) => list.length === 0,
  );
}

/**
 * The ids of the elements a diff adds or changes, and of the ends of the relations it adds, removes or
 * changes: the seeds of an impact run. Reviews (`diff.reviews`) are not changes and seed nothing.
 *
 * @example
 * computeImpact(model, changedIds(diffSnapshots(before, after)))
 */
export function changedIds(diff: ModelDiff): string[] {
  const ids = new Set<string>();
  for (const e of diff.elements.added) ids.add(e.id);
  for (const e of diff.elements.changed) ids.add(e.id);
  const removed = new Set(diff.elements.removed.map((e) => e.id));
  for (const r of [...diff.relations.added, ...diff.relations.removed, ...diff.relations.changed])
    for (const end of [r.source, r.target]) if (!removed.has(end)) ids.add(end);
  return [...ids].sort();
}
