/** The deep status of an element, as OpenFastTrace's `DeepCoverageStatus` plus shallow-only coverage. */
export type DeepStatus = 'covered' | 'covered-shallow' | 'uncovered' | 'cycle';

/** The statuses by the codes {@link deepStatuses} gives (0: not a node of the graph). */
export const DEEP_STATUS: readonly (DeepStatus | undefined)[] = [
  undefined,
  'covered',
  'covered-shallow',
  'uncovered',
  'cycle',
];
const COVERED = 1;
const SHALLOW = 2;
const UNCOVERED = 3;
const CYCLE = 4;

/**
 * The coverage graph over numbered elements: `node[i]` is 1 for an element of the graph (one with
 * needs, not excluded), `shallow[i]` is 1 when its own needs are met, and its coverers are
 * `edges[start[i]]` up to `edges[start[i + 1]]`, exclusive. Coverers that are not nodes of the graph
 * (elements without needs) are passed over: they count as covered.
 */
export type CoverGraph = {
  readonly node: Uint8Array;
  readonly shallow: Uint8Array;
  readonly start: Int32Array;
  readonly edges: Int32Array;
};

/**
 * The deep status code (see {@link DEEP_STATUS}) of every node of a coverage graph. An element is
 * `covered` when its needs are met and every element covering it is covered in turn, all the way down;
 * `covered-shallow` when its needs are met but something below is not; `uncovered` when a need is not
 * met; `cycle` when it is on a cycle of coverage or depends on one (OpenFastTrace's CYCLE; it wins over
 * the others, as there). Coverers outside the graph count as covered. Tarjan's
 * algorithm over typed arrays, iterative, so a long chain cannot overflow the stack; each element and
 * link is visited once.
 */
export function deepStatuses(graph: CoverGraph): Uint8Array {
  const size = graph.node.length;
  const walk: Walk = {
    graph,
    status: new Uint8Array(size),
    order: new Int32Array(size).fill(-1),
    low: new Int32Array(size),
    onStack: new Uint8Array(size),
    stack: new Int32Array(size),
    frames: new Int32Array(size),
    next: new Int32Array(size),
    sp: 0,
    counter: 0,
  };
  for (let root = 0; root < size; root++)
    if (graph.node[root] === 1 && walk.order[root]! < 0) walkFrom(walk, root);
  return walk.status;
}

/** Tarjan's state: the order each node was reached in, its low link, the component stack, the walk's frames (a node and its next edge). */
type Walk = {
  readonly graph: CoverGraph;
  readonly status: Uint8Array;
  readonly order: Int32Array;
  readonly low: Int32Array;
  readonly onStack: Uint8Array;
  readonly stack: Int32Array;
  readonly frames: Int32Array;
  readonly next: Int32Array;
  sp: number;
  counter: number;
};

/** Walks the graph from `root`, depth first, settling each component when its root is left. */
function walkFrom(walk: Walk, root: number): void {
  const { graph, order, low, onStack, stack, frames, next } = walk;
  const { node, start, edges } = graph;
  let { sp, counter } = walk;
  let fp = 0;
  for (let v = root; v >= 0; ) {
    order[v] = low[v] = counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    frames[fp] = v;
    next[fp++] = start[v]!;
    v = -1;
    while (fp > 0 && v < 0) {
      const u = frames[fp - 1]!;
      const e = next[fp - 1]!;
      if (e < start[u + 1]!) {
        next[fp - 1] = e + 1;
        const w = edges[e]!;
        if (node[w] === 0) continue;
        if (order[w]! < 0) v = w;
        else if (onStack[w] === 1 && order[w]! < low[u]!) low[u] = order[w]!;
        continue;
      }
      fp--;
      if (fp > 0 && low[u]! < low[frames[fp - 1]!]!) low[frames[fp - 1]!] = low[u]!;
      // Tarjan emits a component after every component it reaches, so its coverers are settled already.
      if (low[u] === order[u]) sp = settle(graph, walk.status, stack, onStack, sp, u);
    }
  }
  walk.sp = sp;
  walk.counter = counter;
}

/** Pops the component rooted at `root` off the stack and gives each member its status; returns the new top. */
function settle(
  graph: CoverGraph,
  status: Uint8Array,
  stack: Int32Array,
  onStack: Uint8Array,
  sp: number,
  root: number,
): number {
  let bottom = sp - 1;
  while (stack[bottom] !== root) bottom--;
  const cyclic = bottom < sp - 1 || coversItself(graph, root);
  for (let i = bottom; i < sp; i++) {
    const v = stack[i]!;
    onStack[v] = 0;
    status[v] = cyclic ? CYCLE : statusOf(graph, status, v);
  }
  return bottom;
}

function coversItself(graph: CoverGraph, v: number): boolean {
  for (let e = graph.start[v]!; e < graph.start[v + 1]!; e++) if (graph.edges[e] === v) return true;
  return false;
}

function statusOf(graph: CoverGraph, status: Uint8Array, v: number): number {
  let below = COVERED;
  for (let e = graph.start[v]!; e < graph.start[v + 1]!; e++) {
    const w = graph.edges[e]!;
    if (graph.node[w] === 0) continue;
    const s = status[w]!;
    if (s === CYCLE) return CYCLE;
    if (s !== COVERED) below = SHALLOW;
  }
  return graph.shallow[v] === 1 ? below : UNCOVERED;
}
