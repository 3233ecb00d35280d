import type { CompiledNeed, CompiledRule } from './compiled-policy.js';

/**
 * A compiled need as the classification reads it: its relation type by number (among the types
 * coverage reads, see `CoverLinks`), and which kinds, by number, may cover and count.
 */
export type NeedPlan = {
  /** The relation name, as it reads from the covered element. */
  readonly relation: string;
  /** The relation type's name and its number among the types coverage reads. */
  readonly typeName: string;
  readonly type: number;
  /** True when the covering element is the relation's source. */
  readonly incoming: boolean;
  /** By kind number: 1 when an element of the kind is wanted by a need of this relation name (else: unwanted coverage). */
  readonly accepts: Uint8Array;
  /** By kind number: 1 when an element of the kind counts for this need. */
  readonly counts: Uint8Array;
  /** True for the first need of its relation name in the rule: links that do not count are listed there, once. */
  readonly listsIgnored: boolean;
};

/** A rule as the classification reads it: its needs and what it must provide, planned. */
export type RulePlan = {
  readonly rule: CompiledRule;
  readonly needs: readonly NeedPlan[];
  readonly provides: readonly NeedPlan[];
};

/** The relation types the rules read (needs and provides), each once, in the order first named. */
export function typesOf(rules: readonly CompiledRule[]): string[] {
  const types: string[] = [];
  for (const rule of rules)
    for (const need of [...rule.needs, ...rule.provides])
      if (!types.includes(need.type)) types.push(need.type);
  return types;
}

/** Flags, by kind number, the kinds of `kindNames` in `kinds` (all of them when `kinds` is undefined). */
function flags(kindNames: readonly string[], kinds: ReadonlySet<string> | undefined): Uint8Array {
  const flagged = new Uint8Array(kindNames.length);
  for (let k = 0; k < kindNames.length; k++) if (!kinds || kinds.has(kindNames[k]!)) flagged[k] = 1;
  return flagged;
}

function planNeed(need: CompiledNeed, types: readonly string[], kindNames: readonly string[]): NeedPlan {
  return {
    relation: need.relation,
    typeName: need.type,
    type: types.indexOf(need.type),
    incoming: need.incoming,
    accepts: flags(kindNames, need.accepted),
    counts: flags(kindNames, need.kinds),
    listsIgnored: need.listsIgnored,
  };
}

/** Plans every rule against the types read (see {@link typesOf}) and the kinds numbered. */
export function planRules(
  rules: readonly CompiledRule[],
  types: readonly string[],
  kindNames: readonly string[],
): RulePlan[] {
  return rules.map((rule) => ({
    rule,
    needs: rule.needs.map((need) => planNeed(need, types, kindNames)),
    provides: rule.provides.map((need) => planNeed(need, types, kindNames)),
  }));
}
