import type { Element, Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import type { CompiledRule } from './compiled-policy.js';
import { DEFAULT_EXCLUDED_STATUSES } from './coverage-policy.js';

/**
 * The elements a coverage policy names a kind for, numbered in the model's order, with their relations
 * out and in. Coverage works on these numbers (arrays, not maps keyed by id), walks the model once to
 * make them, and then looks an id up only once per link.
 */
export type CoverSubjects = {
  readonly ids: readonly string[];
  readonly kinds: readonly string[];
  readonly rules: readonly CompiledRule[];
  readonly out: readonly (readonly Relation[])[];
  readonly into: readonly (readonly Relation[])[];
  /** 1 when the element's status leaves it out of coverage (it needs nothing and covers nothing). */
  readonly excluded: Uint8Array;
  /** The number of each id. */
  readonly index: ReadonlyMap<string, number>;
};

/** True when an element's status is one of the statuses its kind's rule (or the default) leaves out. */
export function isExcluded(element: Element, rule: CompiledRule | undefined): boolean {
  if (element.status === undefined) return false;
  return (rule?.policy.exclude?.status ?? DEFAULT_EXCLUDED_STATUSES).includes(element.status);
}

/** Numbers the elements of the kinds of `compiled`, in one walk over the model. */
export function coverSubjects(model: Model, compiled: ReadonlyMap<string, CompiledRule>): CoverSubjects {
  const ids: string[] = [];
  const kinds: string[] = [];
  const rules: CompiledRule[] = [];
  const out: (readonly Relation[])[] = [];
  const into: (readonly Relation[])[] = [];
  const left: number[] = [];
  const index = new Map<string, number>();
  model.forEachElement((element, from, to) => {
    const rule = compiled.get(element.kind);
    if (!rule) return;
    if (isExcluded(element, rule)) left.push(ids.length);
    index.set(element.id, ids.length);
    ids.push(element.id);
    // The policy's own string: the same text, and one string for all the elements of a kind.
    kinds.push(rule.kind);
    rules.push(rule);
    out.push(from);
    into.push(to);
  });
  const excluded = new Uint8Array(ids.length);
  for (const at of left) excluded[at] = 1;
  return { ids, kinds, rules, out, into, excluded, index };
}
