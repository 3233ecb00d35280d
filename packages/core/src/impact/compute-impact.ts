import type { Model } from '../model/model.js';
import { impactParties } from './actors-of.js';
import { type ImpactTree, impactTree } from './impact-tree.js';
import type { FollowUp, ImpactedElement, ImpactOptions, ImpactResult, ImpactStep } from './impact-types.js';
import { hopRange } from './propagation-index.js';

/** Test kinds whose impacted elements are listed as tests to re-run. */
const TEST_KIND = 'TestCase';
/** Document kinds whose impacted elements are listed as documents to re-issue. */
const DOCUMENT_KIND = 'Artefact';

function stepOf(tree: ImpactTree, state: number): ImpactStep {
  const { index } = tree;
  const k = tree.via[state]!;
  const code = index.code[k]!;
  return {
    from: index.ids[tree.parent[state]! >> 2]!,
    relation: index.types[code >> 1]!,
    to: index.ids[state >> 2]!,
    direction: (code & 1) === 0 ? 'forward' : 'backward',
    effect: (state & 2) === 0 ? 'propagate' : 'notify',
  };
}

/** The explanation of one reached node, as steps from a changed element. */
export function treePath(tree: ImpactTree, node: number): ImpactStep[] {
  const hops: ImpactStep[] = [];
  for (let state = tree.stateOf(node); tree.via[state]! >= 0; state = tree.parent[state]!)
    hops.push(stepOf(tree, state));
  return hops.reverse();
}

/** Every reached node's path; each state's step is made once and shared by the paths through it. */
function allPaths(tree: ImpactTree): Map<number, ImpactStep[]> {
  const hops = new Map<number, ImpactStep>();
  const paths = new Map<number, ImpactStep[]>();
  for (const node of tree.reached) {
    const end = tree.stateOf(node);
    const path = new Array<ImpactStep>(tree.depth[end]!);
    for (let i = path.length - 1, state = end; i >= 0; i--, state = tree.parent[state]!) {
      let hop = hops.get(state);
      if (!hop) {
        hop = stepOf(tree, state);
        hops.set(state, hop);
      }
      path[i] = hop;
    }
    paths.set(node, path);
  }
  return paths;
}

/** For each reached follow-up (a document, a test), the touched elements it follows up. */
function followUpSources(tree: ImpactTree): Map<number, Set<string>> {
  const { index, tables } = tree;
  const sources = new Map<number, Set<string>>();
  const codes: number[] = [];
  tables.followUp.forEach((flag, c) => {
    if (flag === 1) codes.push(c);
  });
  for (const node of [...tree.seeds, ...tree.reached])
    for (const c of codes) {
      const [from, to] = hopRange(index, node, c);
      for (let k = from; k < to; k++) {
        const other = index.neighbour[k]!;
        if (!tree.touched(other)) continue;
        const set = sources.get(other) ?? new Set<string>();
        set.add(index.ids[node]!);
        sources.set(other, set);
      }
    }
  return sources;
}

/** The follow-ups of one kind: each reached node of that kind, with the touched elements it follows up. */
function followUpsOfKind(
  model: Model,
  tree: ImpactTree,
  kind: string,
  sources: Map<number, Set<string>>,
): FollowUp[] {
  const { index } = tree;
  const kindNumber = index.kinds.indexOf(kind);
  const out: FollowUp[] = [];
  if (kindNumber < 0) return out;
  for (const node of tree.reached) {
    if (index.kindOf[node] !== kindNumber) continue;
    const because = sources.get(node) ?? new Set([treePath(tree, node).at(-1)!.from]);
    const id = index.ids[node]!;
    out.push({ id, name: model.getElement(id).name, because: [...because].sort() });
  }
  return out;
}

/**
 * Every element that a change to `changedIds` reaches through the effects of the metamodel (and of
 * `options.effects`), each with whether it was propagated or notified, its depth and one shortest path
 * that explains it; grouped by kind; and the parties that must act, the tests to re-run and the
 * documents to re-issue. Sorted by id; the same model and input give the same result. For a loaded
 * repository, {@link impactOfRepository} applies its tracery.yaml settings.
 *
 * @example
 * const result = computeImpact(model, ['DI-0023']);
 * result.impacted.map((e) => `${e.id} ${e.reach} ${formatPath(e.path)}`)
 */
export function computeImpact(
  model: Model,
  changedIds: Iterable<string>,
  options: ImpactOptions = {},
): ImpactResult {
  const tree = impactTree(model, changedIds, options);
  const { index } = tree;
  const paths = allPaths(tree);
  const impacted: ImpactedElement[] = [];
  const idsByKind: Record<string, string[]> = {};
  for (const node of tree.reached) {
    const id = index.ids[node]!;
    const kind = index.kinds[index.kindOf[node]!]!;
    const state = tree.stateOf(node);
    impacted.push({
      id,
      kind,
      name: model.getElement(id).name,
      depth: tree.depth[state]!,
      reach: (state & 2) === 0 ? 'propagated' : 'notified',
      path: paths.get(node)!,
    });
    const list = idsByKind[kind] ?? [];
    list.push(id);
    idsByKind[kind] = list;
  }
  const sortedByKind: Record<string, string[]> = {};
  for (const kind of Object.keys(idsByKind).sort()) sortedByKind[kind] = idsByKind[kind]!;
  const sources = followUpSources(tree);
  return {
    changed: Array.from(tree.seeds, (n) => index.ids[n]!),
    impacted,
    idsByKind: sortedByKind,
    parties: impactParties(model, tree, options),
    testsToRerun: followUpsOfKind(model, tree, TEST_KIND, sources),
    documentsToReissue: followUpsOfKind(model, tree, DOCUMENT_KIND, sources),
  };
}
