import { InvalidArgumentError, NotFoundError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { actorKindsAndTypes, actorsOfNodes } from './actors-of.js';
import type { ImpactedElement, ImpactHop, ImpactOptions, ImpactResult } from './impact-types.js';
import { type PropagationIndex, propagationIndex } from './propagation-index.js';

/**
 * The breadth-first search tree of an impact run, on node numbers. `depth`, `via` and `parent` are
 * the index's scratch arrays, reused by the next run on the same model (so that a small run costs
 * what it reaches, not the size of the model): they hold for the nodes of this tree until then.
 */
export type ImpactTree = {
  readonly index: PropagationIndex;
  /** The changed nodes, sorted. */
  readonly seeds: Int32Array;
  /** The reached nodes (seeds excluded), in the order they were reached (by depth, then by id). */
  readonly reached: Int32Array;
  readonly depth: Int32Array;
  /** The hop (a position in the index's hop arrays) by which each reached node was first reached. */
  readonly via: Int32Array;
  /** The node each reached node was first reached from. */
  readonly parent: Int32Array;
};

function typeFilter(model: Model, index: PropagationIndex, options: ImpactOptions): Uint8Array {
  const resolve = (name: string, option: string) => {
    const found = model.metamodel.relationNames.get(name);
    if (!found) throw new InvalidArgumentError(`options.${option}: unknown relation name "${name}".`);
    return found.type.name;
  };
  const only = options.types ? new Set(options.types.map((t) => resolve(t, 'types'))) : undefined;
  const skip = new Set((options.skipTypes ?? []).map((t) => resolve(t, 'skipTypes')));
  return Uint8Array.from(index.types, (type) => ((only?.has(type) ?? true) && !skip.has(type) ? 1 : 0));
}

function seedNumbers(index: PropagationIndex, changed: Iterable<string>): Int32Array {
  const seeds = new Set<number>();
  for (const id of changed) {
    const n = index.numberOf.get(id);
    if (n === undefined) throw new NotFoundError(`changedIds: element "${id}" not found.`);
    seeds.add(n);
  }
  return Int32Array.from(seeds).sort();
}

/**
 * Runs the breadth-first search of an impact run and returns its tree on node numbers. Levels are
 * expanded in id order and each node's hops in neighbour-then-type order, so the first hop that reaches
 * a node comes from the smallest id of the previous level: the explanation is deterministic.
 */
export function impactTree(
  model: Model,
  changedIds: Iterable<string>,
  options: ImpactOptions = {},
): ImpactTree {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  if (!(maxDepth >= 0) || (Number.isFinite(maxDepth) && !Number.isInteger(maxDepth)))
    throw new InvalidArgumentError(`options.maxDepth: expected a whole number of hops, got ${maxDepth}.`);
  const index = propagationIndex(model);
  const allowed = typeFilter(model, index, options);
  const stopKinds = new Set(options.stopAtKinds ?? []);
  const stop = Uint8Array.from(index.kinds, (kind) => (stopKinds.has(kind) ? 1 : 0));
  const seeds = seedNumbers(index, changedIds);
  // A node is visited in this run when its stamp is this run's generation: nothing to clear.
  const { stamp, depth, via, parent, reached } = index.scratch;
  const generation = nextGeneration(index);
  for (const s of seeds) {
    stamp[s] = generation;
    depth[s] = 0;
  }
  let count = 0;
  const { offsets, neighbour, hopType, kindOf } = index;
  let frontier: Int32Array = seeds;
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const levelStart = count;
    for (let f = 0; f < frontier.length; f++) {
      const node = frontier[f]!;
      if (d > 1 && stop[kindOf[node]!] === 1) continue;
      for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
        const other = neighbour[k]!;
        if (stamp[other] === generation || allowed[hopType[k]!] === 0) continue;
        stamp[other] = generation;
        depth[other] = d;
        via[other] = k;
        parent[other] = node;
        reached[count++] = other;
      }
    }
    frontier = reached.subarray(levelStart, count).sort();
  }
  return { index, seeds, reached: reached.slice(0, count), depth, via, parent };
}

function nextGeneration(index: PropagationIndex): number {
  const scratch = index.scratch;
  if (scratch.generation === 0x7fffffff) {
    scratch.stamp.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

function hopOf(tree: ImpactTree, node: number): ImpactHop {
  const { index } = tree;
  const k = tree.via[node]!;
  return {
    from: index.ids[tree.parent[node]!]!,
    to: index.ids[node]!,
    type: index.types[index.hopType[k]!]!,
    direction: index.forward[k] === 1 ? 'forward' : 'backward',
  };
}

/** The explanation of one reached node, as hops from a changed element. */
export function treePath(tree: ImpactTree, node: number): ImpactHop[] {
  const hops: ImpactHop[] = [];
  for (let current = node; tree.depth[current]! > 0; current = tree.parent[current]!)
    hops.push(hopOf(tree, current));
  return hops.reverse();
}

/**
 * Every reached node's path, as an array per node: each node's hop is made once and shared by the
 * paths that go through it, and each path is filled from its end, without intermediate copies.
 */
function allPaths(tree: ImpactTree): Map<number, ImpactHop[]> {
  const hops = new Map<number, ImpactHop>();
  for (const node of tree.reached) hops.set(node, hopOf(tree, node));
  const paths = new Map<number, ImpactHop[]>();
  for (const node of tree.reached) {
    const depth = tree.depth[node]!;
    const path = new Array<ImpactHop>(depth);
    for (let i = depth - 1, current = node; i >= 0; i--, current = tree.parent[current]!)
      path[i] = hops.get(current)!;
    paths.set(node, path);
  }
  return paths;
}

/**
 * Every element that a change to `changedIds` reaches through the metamodel's propagation rules, each
 * with its depth and one shortest path that explains it, grouped by kind and by the services and roles
 * that must act. Sorted by id; the same model and input give the same result.
 *
 * @example
 * const result = computeImpact(model, ['DI-0023'], { maxDepth: 3 });
 * result.impacted.map((e) => formatImpactPath(e.path)) // ['DI-0023 -partOf-> MB-M0', ...]
 */
export function computeImpact(
  model: Model,
  changedIds: Iterable<string>,
  options: ImpactOptions = {},
): ImpactResult {
  const tree = impactTree(model, changedIds, options);
  const { index } = tree;
  const nodes = tree.reached.slice().sort();
  const paths = allPaths(tree);
  const impacted: ImpactedElement[] = [];
  const byKind: Record<string, string[]> = {};
  for (const node of nodes) {
    const id = index.ids[node]!;
    const kind = index.kinds[index.kindOf[node]!]!;
    impacted.push({ id, kind, depth: tree.depth[node]!, path: paths.get(node)! });
    const list = byKind[kind] ?? [];
    list.push(id);
    byKind[kind] = list;
  }
  const sortedByKind: Record<string, string[]> = {};
  for (const kind of Object.keys(byKind).sort()) sortedByKind[kind] = byKind[kind]!;
  const changed = Array.from(tree.seeds, (n) => index.ids[n]!);
  return {
    changed,
    impacted,
    byKind: sortedByKind,
    byActor: actorsOfNodes(index, [...tree.seeds, ...tree.reached], ...actorKindsAndTypes(model, options)),
  };
}
