import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import {
  classifyAll,
  type IgnoredCoverage,
  type IgnoredReason,
  type NeedCoverage,
  outdatedLinks,
} from './classify-coverers.js';
import { type Count, collectElements } from './collect-elements.js';
import { compilePolicy } from './compiled-policy.js';
import { type CoverLinks, coverLinks } from './cover-links.js';
import { type CoverSubjects, coverSubjects } from './cover-subjects.js';
import { type CoveragePolicy, DEFAULT_COVERAGE_POLICY } from './coverage-policy.js';
import { type DeepStatus, deepStatuses } from './deep-coverage.js';
import { type NeedPlan, planRules, type RulePlan, typesOf } from './need-plan.js';

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
  /** How many elements of each kind the policy covers: total, covered, uncovered and excluded. */
  readonly countsByKind: Readonly<Record<string, KindCoverageCount>>;
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The coverage of every element that the policy names a kind for, with OpenFastTrace's meaning: each
 * need must be met by an element of a wanted kind over a link that is not outdated, from an element
 * that is not excluded; under a deep policy (the default) the covering elements must be covered in
 * turn, and a cycle has its own verdict. Unwanted and outdated links are listed; orphans too. Problems
 * in the policy (unknown kinds or relation names) come back as diagnostics.
 *
 * Works on numbers: the elements numbered in model order (from the model's restored layout when it has
 * one, so that no id is looked up), the links of the types the policy reads in typed arrays, one pass
 * per concern; the only objects made are those of the result.
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
  const rules = [...compiled.values()].sort((a, b) => byText(a.kind, b.kind));
  const counts = rules.map((r) => (r.needs.length > 0 ? newCount() : undefined));
  const countsByKind: Record<string, Count> = {};
  rules.forEach((rule, r) => {
    if (counts[r]) countsByKind[rule.kind] = counts[r];
  });
  const types = typesOf(rules);
  const needs = rules.flatMap((r) => [...r.needs, ...r.provides]);
  const links = coverLinks(model, types, {
    into: needs.some((n) => n.incoming),
    out: needs.some((n) => !n.incoming),
  });
  const outdated = options.outdated ?? [];
  const subjects = coverSubjects(links.elements, rules, endsOf(outdated), links.indexOf);
  const plans = planRules(rules, types, subjects.kindNames);
  const classified = classifyAll({ links, subjects, plans, outdated: outdatedLinks(outdated) });
  const deep = deepStatuses({
    node: classified.node,
    shallow: classified.shallow,
    start: classified.start,
    edges: classified.coverers,
  });
  const found = collectElements({ subjects, plans, classified, deep, counts });
  const { excluded, orphans } = leftOut(links, subjects, plans, counts);
  return { elements: found.elements, orphans, countsByKind, excluded, links: found.links, diagnostics };
}

const newCount = (): Count => ({ total: 0, covered: 0, uncovered: 0, excluded: 0 });

/** The ids at either end of the outdated links. */
function endsOf(outdated: NonNullable<CoverageOptions['outdated']>): Set<string> {
  const ends = new Set<string>();
  for (const { source, target } of outdated) ends.add(source).add(target);
  return ends;
}

/**
 * The elements of the policy's kinds left out by their status (those of a kind with needs; each
 * counted in its kind's `excluded`), and the orphans: elements not left out that provide none of
 * what their kind must provide. Both sorted by id. Only elements with a status can be left out, so
 * only those are gone through for it; the orphans only when some kind must provide something.
 */
function leftOut(
  links: CoverLinks,
  subjects: CoverSubjects,
  plans: readonly RulePlan[],
  counts: readonly (Count | undefined)[],
): { excluded: string[]; orphans: Orphan[] } {
  const excluded: string[] = [];
  for (const e of links.elements.statuses.keys()) {
    const count = subjects.excluded[e] === 1 ? counts[subjects.rule[e]!] : undefined;
    if (!count) continue; // not left out, or of a kind without needs (or none)
    count.excluded++;
    excluded.push(subjects.ids[e]!);
  }
  const orphans = plans.some((plan) => plan.provides.length > 0) ? orphansOf(links, subjects, plans) : [];
  return { excluded: excluded.sort(), orphans: orphans.sort((a, b) => byText(a.id, b.id)) };
}

/** The elements not left out that provide none of what their kind must provide, in element order. */
function orphansOf(links: CoverLinks, subjects: CoverSubjects, plans: readonly RulePlan[]): Orphan[] {
  const orphans: Orphan[] = [];
  for (let e = 0; e < links.elements.ids.length; e++) {
    const r = subjects.rule[e]!;
    if (r < 0 || subjects.excluded[e] === 1) continue;
    const plan = plans[r]!;
    if (plan.provides.length > 0 && !plan.provides.some((p) => hasLinkOf(links, e, p)))
      orphans.push({
        id: subjects.ids[e]!,
        kind: plan.rule.kind,
        provides: plan.provides.map((p) => p.relation),
      });
  }
  return orphans;
}

/** True when element `at` has a link of the need's type in the need's direction, whatever is at the far end. */
function hasLinkOf(links: CoverLinks, at: number, need: NeedPlan): boolean {
  const side = need.incoming ? links.into : links.out;
  for (let i = side.start[at]!; i < side.start[at + 1]!; i++) if (side.type[i] === need.type) return true;
  return false;
}
