import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Relation } from '../model/element.js';
import type { Model } from '../model/model.js';
import {
  type CoverContext,
  classifyCoverers,
  type IgnoredCoverage,
  type IgnoredReason,
  type NeedCoverage,
  NONE,
  outdatedLinks,
} from './classify-coverers.js';
import { compilePolicy, hasLinkOf } from './compiled-policy.js';
import { type CoverSubjects, coverSubjects } from './cover-subjects.js';
import { type CoveragePolicy, DEFAULT_COVERAGE_POLICY } from './coverage-policy.js';
import { DEEP_STATUS, type DeepStatus, deepStatuses } from './deep-coverage.js';

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

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Count = { total: number; covered: number; uncovered: number; excluded: number };

/** What the first pass over the subjects finds: each graph node's needs and coverers, orphans, exclusions. */
type Classified = {
  readonly found: (readonly NeedCoverage[] | undefined)[];
  readonly context: CoverContext;
  readonly start: Int32Array;
  readonly orphans: Orphan[];
  readonly excluded: string[];
};

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
  const kinds = [...compiled.keys()].sort(byText);
  const countsByKind: Record<string, Count> = {};
  for (const kind of kinds)
    if (compiled.get(kind)!.needs.length > 0)
      countsByKind[kind] = { total: 0, covered: 0, uncovered: 0, excluded: 0 };
  const subjects = coverSubjects(model, compiled);
  const classified = classifyAll(model, subjects, options, countsByKind);
  const { context, start } = classified;
  const deep = deepStatuses({ node: context.node, shallow: context.shallow, start, edges: context.edges });
  const { elements, links } = collectElements(kinds, countsByKind, classified, deep);
  return {
    elements: elements.sort(byId),
    orphans: classified.orphans.sort(byId),
    countsByKind,
    excluded: classified.excluded.sort(),
    links: links.sort(compareLinks),
    diagnostics,
  };
}

/** The context of {@link classifyCoverers}: the graph's nodes (subjects with needs, not excluded), empty lists. */
function coverContext(model: Model, subjects: CoverSubjects, options: CoverageOptions): CoverContext {
  const size = subjects.ids.length;
  const node = new Uint8Array(size);
  for (let at = 0; at < size; at++)
    if (subjects.excluded[at] === 0 && subjects.rules[at]!.needs.length > 0) node[at] = 1;
  return {
    model,
    subjects,
    outdated: outdatedLinks(options.outdated ?? []),
    nearOutdated: nearOutdated(subjects, options.outdated ?? []),
    node,
    shallow: new Uint8Array(size),
    ignored: new Array(size),
    edges: [],
    scratch: [],
    scratchIgnored: [],
  };
}

/** One pass over the subjects: exclusions, orphans, and each graph node's coverers (the graph's edges). */
function classifyAll(
  model: Model,
  subjects: CoverSubjects,
  options: CoverageOptions,
  countsByKind: Record<string, Count>,
): Classified {
  const size = subjects.ids.length;
  const context = coverContext(model, subjects, options);
  const { node } = context;
  const found: (readonly NeedCoverage[] | undefined)[] = new Array(size);
  const start = new Int32Array(size + 1);
  const orphans: Orphan[] = [];
  const excluded: string[] = [];
  for (let at = 0; at < size; at++) {
    start[at] = context.edges.length;
    const rule = subjects.rules[at]!;
    if (subjects.excluded[at] === 1) {
      const count = countsByKind[subjects.kinds[at]!];
      if (count) count.excluded++;
      if (rule.needs.length > 0) excluded.push(subjects.ids[at]!);
      continue;
    }
    if (rule.provides.length > 0 && !rule.provides.some((need) => hasLinkOf(subjects, at, need)))
      orphans.push({
        id: subjects.ids[at]!,
        kind: subjects.kinds[at]!,
        provides: rule.provides.map((p) => p.relation),
      });
    if (node[at] === 1) found[at] = classifyCoverers(context, at, rule);
  }
  start[size] = context.edges.length;
  return { found, context, start, orphans, excluded };
}

/**
 * Every graph node's coverage and the links that do not count, kind by kind (kinds sorted), each in
 * the model's order: ids often ascend within a kind, so the list is mostly sorted runs already and the
 * sort by id that follows has little left to do. Counts each kind's verdicts on the way.
 */
function collectElements(
  kinds: readonly string[],
  countsByKind: Record<string, Count>,
  { found, context }: Classified,
  deep: Uint8Array,
): { elements: ElementCoverage[]; links: CoverageLinkProblem[] } {
  const elements: ElementCoverage[] = [];
  const links: CoverageLinkProblem[] = [];
  for (const kind of kinds) {
    const count = countsByKind[kind];
    if (!count) continue;
    for (let at = 0; at < found.length; at++) {
      const needs = found[at];
      if (!needs || context.subjects.kinds[at] !== kind) continue;
      const element = elementCoverage(context, at, needs, deep);
      elements.push(element);
      count.total++;
      if (element.verdict === 'covered') count.covered++;
      else count.uncovered++;
      for (const i of element.ignored)
        if (i.reason !== 'excluded')
          links.push({ relation: i.relation, covered: element.id, by: i.by, reason: i.reason });
    }
  }
  return { elements, links };
}

/** Marks the subjects at either end of an outdated link. */
function nearOutdated(
  subjects: CoverSubjects,
  outdated: NonNullable<CoverageOptions['outdated']>,
): Uint8Array {
  const near = new Uint8Array(subjects.ids.length);
  for (const { source, target } of outdated)
    for (const end of [source, target]) {
      const at = subjects.index.get(end);
      if (at !== undefined) near[at] = 1;
    }
  return near;
}

/** The coverage of graph node `at`: its needs, what is missing, what was ignored, and its verdict. */
function elementCoverage(
  context: CoverContext,
  at: number,
  needs: readonly NeedCoverage[],
  deep: Uint8Array,
): ElementCoverage {
  const { subjects } = context;
  const shallow = context.shallow[at] === 1;
  const missing = shallow ? NONE : needs.filter((n) => n.by.length === 0).map((n) => n.relation);
  const verdict: CoverageVerdict = subjects.rules[at]!.policy.deep
    ? DEEP_STATUS[deep[at]!]!
    : shallow
      ? 'covered'
      : 'uncovered';
  const ignored = context.ignored[at] ?? NONE;
  return { id: subjects.ids[at]!, kind: subjects.kinds[at]!, needs, missing, ignored, verdict };
}

function compareLinks(a: CoverageLinkProblem, b: CoverageLinkProblem): number {
  return byText(a.covered, b.covered) || byText(a.relation, b.relation) || byText(a.by, b.by);
}
