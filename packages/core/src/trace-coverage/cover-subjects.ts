import type { ElementColumns } from '../model/element-columns.js';
import type { CompiledRule } from './compiled-policy.js';
import { DEFAULT_EXCLUDED_STATUSES } from './coverage-policy.js';

/**
 * What coverage knows of each numbered element (numbered as in `CoverLinks`): its id, the number of its kind
 * (`kindNames` gives them back), the number of its kind's rule in `rules` (-1 when the policy names no
 * rule for its kind), 1 in `excluded` when its status leaves it out of coverage (it needs nothing and
 * covers nothing), and 1 in `near` when it is at either end of an outdated link and of a kind the policy
 * names (only the links of such an element are looked up among the outdated ones).
 */
export type CoverSubjects = {
  readonly ids: readonly string[];
  readonly kindNames: readonly string[];
  readonly kind: Uint16Array;
  readonly rule: Int16Array;
  readonly excluded: Uint8Array;
  readonly near: Uint8Array;
};

/** The statuses an element of a kind with this rule (or none) is left out of coverage with. */
function excludedStatuses(rule: CompiledRule | undefined): readonly string[] {
  return rule?.policy.exclude?.status ?? DEFAULT_EXCLUDED_STATUSES;
}

/**
 * Finds each element's rule and exclusion, in one pass over the elements' columns (their kind
 * numbers are the subjects' own). `rules` are the compiled rules by number; `outdatedEnds` the ids at
 * either end of an outdated link, found by `indexOf` (the index of an id among the elements).
 */
export function coverSubjects(
  elements: ElementColumns,
  rules: readonly CompiledRule[],
  outdatedEnds: ReadonlySet<string>,
  indexOf: (id: string) => number | undefined,
): CoverSubjects {
  if (rules.length > 0x7fff) throw new RangeError('coverage reads at most 32767 rules.');
  const { ids, kindNames, statuses } = elements;
  if (kindNames.length > 0x10000) throw new RangeError('coverage tells at most 65536 kinds apart.');
  const size = ids.length;
  const ruleOfKind = kindNames.map((name) => rules.findIndex((r) => r.kind === name));
  const kind = Uint16Array.from(elements.kinds);
  const rule = new Int16Array(size);
  const excluded = new Uint8Array(size);
  const near = new Uint8Array(size);
  for (let e = 0; e < size; e++) rule[e] = ruleOfKind[kind[e]!]!;
  // The few ends looked up, rather than every element's id hashed to be looked for among them.
  for (const id of outdatedEnds) {
    const e = indexOf(id);
    if (e !== undefined && rule[e]! >= 0) near[e] = 1;
  }
  for (const [e, status] of statuses) if (excludedStatuses(rules[rule[e]!]).includes(status)) excluded[e] = 1;
  return { ids, kindNames, kind, rule, excluded, near };
}
