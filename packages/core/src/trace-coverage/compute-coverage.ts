import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import {
  type CompiledNeed,
  type CoverIndex,
  compilePolicy,
  coverersOf,
  coverIndex,
} from './compiled-policy.js';
import { type CoveragePolicy, DEFAULT_COVERAGE_POLICY, type KindCoveragePolicy } from './coverage-policy.js';
import { deepCoverage } from './deep-coverage.js';

/** How one need of an element is met: the relation name and the elements that meet it (sorted). */
export type NeedCoverage = { readonly relation: string; readonly by: readonly string[] };

/** The coverage verdict of one element. `covered-shallow`: every need is met, but not all the way down. */
export type CoverageVerdict = 'covered' | 'covered-shallow' | 'uncovered';

/** The coverage of one element under the policy of its kind. */
export type ElementCoverage = {
  readonly id: string;
  readonly kind: string;
  readonly needs: readonly NeedCoverage[];
  /** The needs that no element meets. */
  readonly missing: readonly string[];
  readonly verdict: CoverageVerdict;
};

/** An element that provides none of what its kind must provide (a test that verifies nothing). */
export type Orphan = { readonly id: string; readonly kind: string; readonly provides: readonly string[] };

/** Counts of one kind: how many elements the policy applies to, and how many are covered. */
export type KindCoverageCount = {
  readonly total: number;
  readonly covered: number;
  readonly uncovered: number;
};

/** Everything {@link computeCoverage} finds: verdicts, orphans, counts by kind, and problems in the policy. */
export type CoverageResult = {
  readonly elements: readonly ElementCoverage[];
  readonly orphans: readonly Orphan[];
  readonly byKind: Readonly<Record<string, KindCoverageCount>>;
  readonly diagnostics: readonly Diagnostic[];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The coverage of every element that the policy names a kind for: which needs are met and by what,
 * the verdict (deep policies also require the covering elements to be covered, as OpenFastTrace does),
 * and the orphans. Problems in the policy (unknown kinds or relation names) come back as diagnostics.
 *
 * @example
 * const { elements } = computeCoverage(model, { Requirement: { needs: ['satisfiedBy', 'verifiedBy'], deep: false, provides: [] } });
 */
export function computeCoverage(
  model: Model,
  policy: CoveragePolicy = DEFAULT_COVERAGE_POLICY,
): CoverageResult {
  const { compiled, diagnostics } = compilePolicy(model, policy);
  const index = coverIndex(model, compiled);
  const deep = deepCoverage(model, compiled, index);
  const elements: ElementCoverage[] = [];
  const orphans: Orphan[] = [];
  const byKind: Record<string, { total: number; covered: number; uncovered: number }> = {};
  for (const [kind, rule] of [...compiled].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = { total: 0, covered: 0, uncovered: 0 };
    for (const id of model.idsOfKind(kind)) {
      if (excluded(model, id, rule.policy)) continue;
      if (
        rule.provides.length > 0 &&
        !rule.provides.some((need) => coverersOf(model, index, id, need).length > 0)
      )
        orphans.push({ id, kind, provides: rule.provides.map((p) => p.relation) });
      if (rule.needs.length === 0) continue;
      const coverage = elementCoverage(
        model,
        index,
        id,
        kind,
        rule.needs,
        rule.policy.deep ? deep(id) : true,
      );
      count.total++;
      count[coverage.verdict === 'covered' ? 'covered' : 'uncovered']++;
      elements.push(coverage);
    }
    if (rule.needs.length > 0) byKind[kind] = count;
  }
  return { elements: elements.sort(byId), orphans: orphans.sort(byId), byKind, diagnostics };
}

function excluded(model: Model, id: string, policy: KindCoveragePolicy): boolean {
  const statuses = policy.exclude?.status;
  if (!statuses || statuses.length === 0) return false;
  const status = model.getElement(id).status;
  return status !== undefined && statuses.includes(status);
}

function elementCoverage(
  model: Model,
  index: CoverIndex,
  id: string,
  kind: string,
  needs: readonly CompiledNeed[],
  deepOk: boolean,
): ElementCoverage {
  const met = needs.map((need) => ({
    relation: need.relation,
    by: coverersOf(model, index, id, need).sort(),
  }));
  const missing = met.filter((n) => n.by.length === 0).map((n) => n.relation);
  const verdict: CoverageVerdict = missing.length > 0 ? 'uncovered' : deepOk ? 'covered' : 'covered-shallow';
  return { id, kind, needs: met, missing, verdict };
}
