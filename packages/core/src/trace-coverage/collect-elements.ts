import { type Classification, type IgnoredCoverage, type NeedCoverage, NONE } from './classify-coverers.js';
import type { CoverageLinkProblem, CoverageVerdict, ElementCoverage } from './compute-coverage.js';
import type { CoverSubjects } from './cover-subjects.js';
import { DEEP_STATUS } from './deep-coverage.js';
import type { RulePlan } from './need-plan.js';

/** Counts of one kind, as they are made. */
export type Count = { total: number; covered: number; uncovered: number; excluded: number };

/** What {@link collectElements} reads: the elements, the classification, the deep statuses, and each rule's counts. */
export type CollectInput = {
  readonly subjects: CoverSubjects;
  readonly plans: readonly RulePlan[];
  readonly classified: Classification;
  readonly deep: Uint8Array;
  /** By rule number: the counts of the rule's kind (undefined for a rule without needs). */
  readonly counts: readonly (Count | undefined)[];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every graph node's coverage, sorted by id, and the unwanted and outdated links (sorted by covered
 * element, relation, covering element: the order the elements and their ignored links come in), made
 * in that order. Counts each kind's verdicts on the way.
 */
export function collectElements(input: CollectInput): {
  elements: ElementCoverage[];
  links: CoverageLinkProblem[];
} {
  const order = nodesById(input);
  const elements: ElementCoverage[] = new Array(order.length);
  const links: CoverageLinkProblem[] = [];
  for (let i = 0; i < order.length; i++) {
    const element = elementCoverage(input, order[i]!);
    const count = input.counts[input.subjects.rule[order[i]!]!]!;
    count.total++;
    if (element.verdict === 'covered') count.covered++;
    else count.uncovered++;
    if (element.ignored.length > 0) addLinkProblems(links, element);
    elements[i] = element;
  }
  return { elements, links };
}

/**
 * The graph nodes sorted by id. Taken rule by rule (rules in kind order), each rule's in model order
 * (a counting sort by rule number): ids often ascend within a kind, and kinds often name disjoint
 * ranges of ids, so the order is often sorted already, which one pass tells; else it is sorted.
 */
function nodesById({ classified, subjects, plans }: CollectInput): Int32Array {
  const { node } = classified;
  const next = new Int32Array(plans.length + 1);
  countByRule(next, node, subjects.rule);
  const order = new Int32Array(next[plans.length]!);
  for (let e = 0; e < node.length; e++) if (node[e] === 1) order[next[subjects.rule[e]!]!++] = e;
  return isSorted(order, subjects.ids)
    ? order
    : order.sort((a, b) => byText(subjects.ids[a]!, subjects.ids[b]!));
}

/** Counts the graph nodes of each rule into `next[r + 1]`, then sums them up: rule `r`'s nodes begin at `next[r]`. */
function countByRule(next: Int32Array, node: Uint8Array, rule: Int16Array): void {
  for (let e = 0; e < node.length; e++) if (node[e] === 1) next[rule[e]! + 1]!++;
  for (let r = 1; r < next.length; r++) next[r]! += next[r - 1]!;
}

function isSorted(order: Int32Array, ids: readonly string[]): boolean {
  for (let i = 1; i < order.length; i++) if (ids[order[i - 1]!]! > ids[order[i]!]!) return false;
  return true;
}

/** The coverage of graph node `at`: its needs, what is missing, what was ignored, and its verdict. */
function elementCoverage(input: CollectInput, at: number): ElementCoverage {
  const { classified } = input;
  const plan = input.plans[input.subjects.rule[at]!]!;
  const needs: NeedCoverage[] =
    plan.needs.length === 1
      ? [
          {
            relation: plan.needs[0]!.relation,
            by: idsOf(input, classified.start[at]!, classified.start[at + 1]!),
          },
        ]
      : needsOf(input, at, plan);
  const shallow = classified.shallow[at] === 1;
  const missing = shallow ? NONE : missingOf(needs);
  const verdict: CoverageVerdict = plan.rule.policy.deep
    ? DEEP_STATUS[input.deep[at]!]!
    : shallow
      ? 'covered'
      : 'uncovered';
  const ignored = classified.hasIgnored[at] === 1 ? classified.ignored.get(at)! : NONE;
  return { id: input.subjects.ids[at]!, kind: plan.rule.kind, needs, missing, ignored, verdict };
}

/** The relations of the needs no element meets (a loop: a filter and a map with new closures at each element cost more). */
function missingOf(needs: readonly NeedCoverage[]): string[] {
  const missing: string[] = [];
  for (const need of needs) if (need.by.length === 0) missing.push(need.relation);
  return missing;
}

function needsOf(input: CollectInput, at: number, plan: RulePlan): NeedCoverage[] {
  const { classified } = input;
  const needs: NeedCoverage[] = new Array(plan.needs.length);
  let from = classified.start[at]!;
  for (let n = 0; n < needs.length; n++) {
    const to = classified.needEnd[classified.slot[at]! + n]!;
    needs[n] = { relation: plan.needs[n]!.relation, by: idsOf(input, from, to) };
    from = to;
  }
  return needs;
}

/** The ids of `coverers[from]` up to `coverers[to]` (exclusive), sorted. */
function idsOf({ subjects, classified }: CollectInput, from: number, to: number): readonly string[] {
  if (from === to) return NONE;
  const { coverers } = classified;
  if (to - from === 1) return [subjects.ids[coverers[from]!]!];
  const ids: string[] = new Array(to - from);
  for (let i = from; i < to; i++) ids[i - from] = subjects.ids[coverers[i]!]!;
  return ids.sort(byText);
}

/** Adds an element's unwanted and outdated links (an excluded coverer is not a link problem). */
function addLinkProblems(links: CoverageLinkProblem[], element: ElementCoverage): void {
  for (const i of element.ignored as readonly IgnoredCoverage[])
    if (i.reason !== 'excluded')
      links.push({ relation: i.relation, covered: element.id, by: i.by, reason: i.reason });
}
