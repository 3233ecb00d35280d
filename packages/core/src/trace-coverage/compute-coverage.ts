import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import {
  type CoverContext,
  classifyCoverers,
  type IgnoredCoverage,
  type IgnoredReason,
  linkKey,
  type NeedCoverage,
} from './classify-coverers.js';
import { type CompiledRule, compilePolicy, coverIndex, endsOf } from './compiled-policy.js';
import {
  type CoveragePolicy,
  DEFAULT_COVERAGE_POLICY,
  DEFAULT_EXCLUDED_STATUSES,
} from './coverage-policy.js';
import { type CoverNode, type DeepStatus, deepStatuses } from './deep-coverage.js';

/**
 * The coverage verdict of one element: `covered`; `covered-shallow` (every need is met, but something
 * below is not covered, under a deep policy); `uncovered` (a need is not met); `cycle` (the element is
 * on a cycle of coverage, or covered through one, under a deep policy).
 */
export type CoverageVerdict = DeepStatus;

/** The coverage of one element under the policy of its kind. */
export type ElementCoverage = {
  readonly id: string;
  readonly kind: string;
  /** Per need, the elements that count as meeting it. */
  readonly needs: readonly NeedCoverage[];
  /** The needs that no element meets. */
  readonly missing: readonly string[];
  /** Relations that read like coverage but do not count (unwanted kind, outdated link, excluded element). */
  readonly ignored: readonly IgnoredCoverage[];
  readonly verdict: CoverageVerdict;
};

/** An element that provides none of what its kind must provide (a test that verifies nothing). */
export type Orphan = { readonly id: string; readonly kind: string; readonly provides: readonly string[] };

/** A coverage link that is a defect at both its ends, as in OpenFastTrace: unwanted or outdated. */
export type CoverageLinkProblem = {
  /** The relation name as it reads from the covered element (`verifiedBy`). */
  readonly relation: string;
  readonly covered: string;
  readonly by: string;
  readonly reason: Exclude<IgnoredReason, 'excluded'>;
};

/** Counts of one kind: elements the policy applies to, covered ones, the others, and those left out. */
export type KindCoverageCount = {
  readonly total: number;
  readonly covered: number;
  readonly uncovered: number;
  readonly excluded: number;
};

/** Everything {@link computeCoverage} finds. */
export type CoverageResult = {
  readonly elements: readonly ElementCoverage[];
  readonly orphans: readonly Orphan[];
  readonly byKind: Readonly<Record<string, KindCoverageCount>>;
  /** Elements of the policy's kinds left out because of their status (sorted). */
  readonly excluded: readonly string[];
  /** Unwanted and outdated coverage links, sorted by covered element, relation and covering element. */
  readonly links: readonly CoverageLinkProblem[];
  readonly diagnostics: readonly Diagnostic[];
};

/** Options of {@link computeCoverage}. */
export type CoverageOptions = {
  /** Links suspect since their last review (see `findSuspectLinks`): they do not count as coverage. */
  readonly outdated?: readonly Pick<Relation, 'type' | 'source' | 'target'>[];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether an element's status leaves it out of coverage, answered once per element. */
function exclusion(model: Model, compiled: ReadonlyMap<string, CompiledRule>): (id: string) => boolean {
  const known = new Map<string, boolean>();
  return (id) => {
    let out = known.get(id);
    if (out === undefined) {
      const element = model.getElement(id);
      const statuses = compiled.get(element.kind)?.policy.exclude?.status ?? DEFAULT_EXCLUDED_STATUSES;
      out = element.status !== undefined && statuses.includes(element.status);
      known.set(id, out);
    }
    return out;
  };
}

/**
 * The coverage of every element that the policy names a kind for, with OpenFastTrace's meaning: each
 * need must be met by an element of a wanted kind over a link that is not outdated, from an element
 * that is not excluded; under a deep policy (the default) the covering elements must be covered in
 * turn, and a cycle has its own verdict. Unwanted and outdated links are listed; orphans too. Problems
 * in the policy (unknown kinds or relation names) come back as diagnostics.
 *
 * @example
 * const { elements } = computeCoverage(model, { Requirement: { needs: ['satisfiedBy', 'verifiedBy'], deep: true, provides: [] } });
 */
export function computeCoverage(
  model: Model,
  policy: CoveragePolicy = DEFAULT_COVERAGE_POLICY,
  options: CoverageOptions = {},
): CoverageResult {
  const { compiled, diagnostics } = compilePolicy(model, policy);
  const context: CoverContext = {
    model,
    index: coverIndex(model, compiled),
    excluded: exclusion(model, compiled),
    kindOf: (id) => model.getElement(id).kind,
    outdated: new Set((options.outdated ?? []).map((r) => linkKey(r.type, r.source, r.target))),
  };
  const found = new Map<string, { kind: string; rule: CompiledRule } & ReturnType<typeof classifyCoverers>>();
  const nodes = new Map<string, CoverNode>();
  const orphans: Orphan[] = [];
  const excluded: string[] = [];
  const byKind: Record<string, KindCoverageCount> = {};
  for (const [kind, rule] of [...compiled].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let left = 0;
    for (const id of model.idsOfKind(kind)) {
      if (context.excluded(id)) {
        left++;
        if (rule.needs.length > 0) excluded.push(id);
        continue;
      }
      if (
        rule.provides.length > 0 &&
        !rule.provides.some((need) => endsOf(context.index, id, need).length > 0)
      )
        orphans.push({ id, kind, provides: rule.provides.map((p) => p.relation) });
      if (rule.needs.length === 0) continue;
      const classified = classifyCoverers(context, id, rule);
      found.set(id, { kind, rule, ...classified });
      nodes.set(id, coverNode(classified.needs));
    }
    if (rule.needs.length > 0) byKind[kind] = { total: 0, covered: 0, uncovered: 0, excluded: left };
  }
  const deep = deepStatuses(nodes);
  const elements: ElementCoverage[] = [];
  const links: CoverageLinkProblem[] = [];
  for (const [id, { kind, rule, needs, ignored }] of found) {
    const missing = needs.filter((n) => n.by.length === 0).map((n) => n.relation);
    const verdict: CoverageVerdict = rule.policy.deep
      ? deep.get(id)!
      : missing.length > 0
        ? 'uncovered'
        : 'covered';
    elements.push({ id, kind, needs, missing, ignored, verdict });
    const count = byKind[kind] as { total: number; covered: number; uncovered: number };
    count.total++;
    count[verdict === 'covered' ? 'covered' : 'uncovered']++;
    for (const i of ignored)
      if (i.reason !== 'excluded')
        links.push({ relation: i.relation, covered: id, by: i.by, reason: i.reason });
  }
  return {
    elements: elements.sort(byId),
    orphans: orphans.sort(byId),
    byKind,
    excluded: excluded.sort(),
    links: links.sort(compareLinks),
    diagnostics,
  };
}

/** An element's node in the coverage graph: whether every need is met, and its distinct coverers. */
function coverNode(needs: readonly NeedCoverage[]): CoverNode {
  let shallow = true;
  for (const need of needs) if (need.by.length === 0) shallow = false;
  if (needs.length === 1) return { shallow, coverers: needs[0]!.by };
  const coverers = new Set<string>();
  for (const need of needs) for (const by of need.by) coverers.add(by);
  return { shallow, coverers: [...coverers] };
}

function compareLinks(a: CoverageLinkProblem, b: CoverageLinkProblem): number {
  const ka = `${a.covered}\u0000${a.relation}\u0000${a.by}`;
  const kb = `${b.covered}\u0000${b.relation}\u0000${b.by}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
