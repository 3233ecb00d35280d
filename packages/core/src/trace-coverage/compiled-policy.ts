import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSuffix } from '../diagnostics/did-you-mean.js';
import type { Model } from '../model/model.js';
import {
  type CoverageNeed,
  type CoveragePolicy,
  type KindCoveragePolicy,
  needParts,
} from './coverage-policy.js';

/** A need resolved against the metamodel: the relation type, which end covers, and the kinds that count. */
export type CompiledNeed = {
  readonly relation: string;
  readonly type: string;
  /** True when the covering element is the relation's source (the need is an inverse name such as satisfiedBy). */
  readonly incoming: boolean;
  readonly kinds: ReadonlySet<string> | undefined;
  /**
   * The kinds any need of the same relation name in the same rule accepts (undefined when one of them
   * accepts any kind): a covering element of another kind is unwanted coverage.
   */
  readonly accepted: ReadonlySet<string> | undefined;
};

/** A kind's policy with its needs and provides resolved. */
export type CompiledRule = {
  readonly policy: KindCoveragePolicy;
  readonly needs: readonly CompiledNeed[];
  readonly provides: readonly CompiledNeed[];
};

function problem(message: string): Diagnostic {
  return { code: 'coverage-policy', severity: 'error', message };
}

function compileNeed(
  model: Model,
  kind: string,
  need: CoverageNeed,
  diagnostics: Diagnostic[],
): CompiledNeed | undefined {
  const { relation, kinds } = needParts(need);
  const resolved = model.metamodel.relationNames.get(relation);
  if (!resolved) {
    const suffix = didYouMeanSuffix(relation, model.metamodel.relationNames.keys());
    diagnostics.push(
      problem(
        `coverage.${kind}: unknown relation name "${relation}"${suffix || '; use a relation or inverse name of the metamodel.'}`,
      ),
    );
    return undefined;
  }
  for (const k of kinds ?? []) {
    if (!model.metamodel.kinds.has(k))
      diagnostics.push(
        problem(
          `coverage.${kind}.${relation}: unknown kind "${k}"${didYouMeanSuffix(k, model.metamodel.kinds.keys()) || '.'}`,
        ),
      );
  }
  const accepted = kinds ? new Set(kinds) : undefined;
  return { relation, type: resolved.type.name, incoming: resolved.inverse, kinds: accepted, accepted };
}

/** Gives each need the kinds accepted by all the needs of its relation name in the rule. */
function withAccepted(needs: readonly CompiledNeed[]): CompiledNeed[] {
  return needs.map((need) => {
    const same = needs.filter((n) => n.relation === need.relation);
    if (same.some((n) => !n.kinds)) return { ...need, accepted: undefined };
    return { ...need, accepted: new Set(same.flatMap((n) => [...n.kinds!])) };
  });
}

/** Resolves every kind's policy against the model's metamodel; unknown names become diagnostics and are dropped. */
export function compilePolicy(
  model: Model,
  policy: CoveragePolicy,
): { compiled: Map<string, CompiledRule>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<string, CompiledRule>();
  for (const [kind, rule] of Object.entries(policy)) {
    if (!model.metamodel.kinds.has(kind)) {
      const suffix = didYouMeanSuffix(kind, model.metamodel.kinds.keys());
      diagnostics.push(
        problem(`coverage: unknown kind "${kind}"${suffix || '; name a kind of the metamodel.'}`),
      );
      continue;
    }
    const compile = (needs: readonly CoverageNeed[]) =>
      needs
        .map((n) => compileNeed(model, kind, n, diagnostics))
        .filter((n): n is CompiledNeed => n !== undefined);
    compiled.set(kind, {
      policy: rule,
      needs: withAccepted(compile(rule.needs)),
      provides: compile(rule.provides),
    });
  }
  return { compiled, diagnostics };
}

/** For each relation type a policy uses, the ids at the other end of each element's relations, both ways. */
export type CoverIndex = ReadonlyMap<
  string,
  { readonly bySource: Map<string, string[]>; readonly byTarget: Map<string, string[]> }
>;

/** Indexes every relation of the types the compiled policy uses, in one pass over the graph. */
export function coverIndex(model: Model, compiled: ReadonlyMap<string, CompiledRule>): CoverIndex {
  const index = new Map<string, { bySource: Map<string, string[]>; byTarget: Map<string, string[]> }>();
  for (const rule of compiled.values())
    for (const need of [...rule.needs, ...rule.provides])
      if (!index.has(need.type)) index.set(need.type, { bySource: new Map(), byTarget: new Map() });
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const { type, source, target } of model.relations()) {
    const entry = index.get(type);
    if (!entry) continue;
    push(entry.bySource, source, target);
    push(entry.byTarget, target, source);
  }
  return index;
}

const NONE: readonly string[] = [];

/** The ids at the far end of an element's relations of a need's type, whatever their kind (unsorted). */
export function endsOf(index: CoverIndex, id: string, need: CompiledNeed): readonly string[] {
  const entry = index.get(need.type);
  return (need.incoming ? entry?.byTarget.get(id) : entry?.bySource.get(id)) ?? NONE;
}
