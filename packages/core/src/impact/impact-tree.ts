import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import { NONE, PROPAGATE, type RunTables, runTables, seedNumbers } from './impact-run-tables.js';
import type { ImpactOptions } from './impact-types.js';
import { hopRange, type PropagationIndex, propagationIndex } from './propagation-index.js';

/**
 * The search of an impact run, on node and state numbers. A state is `node * 4 + mode * 2 + slot`:
 * mode 0 when the change reached the node by propagation, 1 when it was notified; slot 0 is the
 * first state of that node and mode, slot 1 a second one that arrived by another relation (see
 * `impactTree`). `depth`, `via` and `parent` are indexed by state; they are the index's scratch arrays,
 * valid until the next run on the same model.
 */
export type ImpactTree = {
  readonly index: PropagationIndex;
  readonly tables: RunTables;
  /** The changed nodes, sorted. */
  readonly seeds: Int32Array;
  /** The reached nodes (seeds excluded), sorted. */
  readonly reached: Int32Array;
  /** Per node: 1 when it is changed or reached (seeds included). */
  readonly touched: (node: number) => boolean;
  /** Per node: the state that explains it: its first propagated state if any, else its first notified one. */
  readonly stateOf: (node: number) => number;
  readonly depth: Int32Array;
  /** The hop (a position in the index's hop arrays) by which a state was reached; -1 for a seed. */
  readonly via: Int32Array;
  /** The state a state was reached from; -1 for a seed. */
  readonly parent: Int32Array;
};

function nextGeneration(index: PropagationIndex): number {
  const scratch = index.scratch;
  if (scratch.generation === 0x7fffffff) {
    scratch.seen.fill(0);
    scratch.generation = 0;
  }
  return ++scratch.generation;
}

function checkDepth(value: number | undefined): number {
  const maxDepth = value ?? Number.POSITIVE_INFINITY;
  if (!(maxDepth >= 0) || (Number.isFinite(maxDepth) && !Number.isInteger(maxDepth)))
    throw new InvalidArgumentError(`options.maxDepth: expected a whole number of hops, got ${value}.`);
  return maxDepth;
}

/**
 * Runs the search of an impact run (the algorithm of the core README, "Impact"). Breadth first, level
 * by level. From a propagated state every relation at the node is crossed whose effect in that
 * direction is not `none`, except the one that would come back down the relation type just crossed
 * (its code `arrival ^ 1`); from a notified state only the follow-up relations. The far end is
 * propagated when the effect is `propagate` and the state was propagated (and its kind is not a stop
 * kind), notified otherwise. A node and mode keeps at most two states: the first, which may not leave
 * by one code, and a second that arrived by another code and so may leave by the first one's banned
 * code; any later arrival can do nothing those two have not done. Levels are expanded in state order
 * and hops in neighbour, type, direction order, so the path that explains a node is deterministic and
 * does not depend on the order of the model files.
 */
export function impactTree(
  model: Model,
  changedIds: Iterable<string>,
  options: ImpactOptions = {},
): ImpactTree {
  const maxDepth = checkDepth(options.maxDepth);
  const index = propagationIndex(model);
  const tables = runTables(model.metamodel, index, options);
  const seeds = seedNumbers(index, changedIds);
  const { seen, states, firstBan, depth, via, parent } = index.scratch;
  const generation = nextGeneration(index);
  let frontier = index.scratch.frontierA;
  let next = index.scratch.frontierB;
  let size = 0;
  for (const s of seeds) {
    seen[s * 2] = seen[s * 2 + 1] = generation;
    states[s * 2] = states[s * 2 + 1] = 2;
    const state = s * 4;
    depth[state] = 0;
    via[state] = -1;
    parent[state] = -1;
    frontier[size++] = state;
  }
  const reached: number[] = [];
  const { offsets, neighbour, code, kindOf } = index;
  const { effect, followUp, stop } = tables;
  const followUpCodes: number[] = [];
  followUp.forEach((flag, c) => {
    if (flag === 1) followUpCodes.push(c);
  });
  let count = 0;
  let d = 0;
  // Crosses hop k from `state` (propagated unless `notified`), creating the far end's state if new.
  const cross = (k: number, state: number, notified: boolean) => {
    const c = code[k]!;
    const e = effect[c]!;
    if (e === NONE) return;
    const w = neighbour[k]!;
    const mode = !notified && e === PROPAGATE && stop[kindOf[w]!] === 0 ? 0 : 1;
    const key = w * 2 + mode;
    const leaveBan = c ^ 1;
    let target: number;
    if (seen[key] !== generation) {
      if (seen[w * 2 + 1 - mode] !== generation) reached.push(w);
      seen[key] = generation;
      states[key] = 1;
      firstBan[key] = leaveBan;
      target = key * 2;
    } else if (states[key] === 1 && firstBan[key] !== leaveBan) {
      states[key] = 2;
      target = key * 2 + 1;
    } else return;
    depth[target] = d;
    via[target] = k;
    parent[target] = state;
    next[count++] = target;
  };
  for (d = 1; d <= maxDepth && size > 0; d++) {
    count = 0;
    for (let f = 0; f < size; f++) {
      const state = frontier[f]!;
      const node = state >> 2;
      const notified = (state & 2) !== 0;
      const ban = via[state]! < 0 ? -1 : code[via[state]!]! ^ 1;
      if (notified || (state & 1) === 1) {
        // A notified state crosses only its follow-ups; a second state only the first one's banned code.
        const codes = notified ? followUpCodes : [firstBan[state >> 1]!];
        for (const c of codes) {
          if (c === ban) continue;
          if ((state & 1) === 1 && c !== firstBan[state >> 1]) continue;
          const [from, to] = hopRange(index, node, c);
          for (let k = from; k < to; k++) cross(k, state, notified);
        }
        continue;
      }
      for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++)
        if (code[k] !== ban) cross(k, state, false);
    }
    next.subarray(0, count).sort();
    const filled = next;
    next = frontier;
    frontier = filled;
    size = count;
  }
  return {
    index,
    tables,
    seeds,
    reached: Int32Array.from(reached).sort(),
    touched: (node) => seen[node * 2] === generation || seen[node * 2 + 1] === generation,
    stateOf: (node) => (seen[node * 2] === generation ? node * 4 : node * 4 + 2),
    depth,
    via,
    parent,
  };
}
