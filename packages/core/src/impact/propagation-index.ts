import type { Model } from '../model/model.js';

/**
 * The model's propagation rules, compiled once into flat arrays: node ids in sorted order (so comparing
 * two node numbers compares their ids with `<`), and for each node the neighbours a change reaches in
 * one hop, sorted by neighbour then relation type. Impact queries run on this, not on the graph.
 */
export type PropagationIndex = {
  /** Element ids, sorted; a node's number is its position here. */
  readonly ids: readonly string[];
  readonly numberOf: ReadonlyMap<string, number>;
  /** The kind of each node, as a number into `kinds`. */
  readonly kindOf: Int32Array;
  readonly kinds: readonly string[];
  /** Names of the relation types that propagate, sorted; a hop's type is a number into this. */
  readonly types: readonly string[];
  /** The hops of node `n` are `offsets[n]` to `offsets[n + 1] - 1` of the arrays below. */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  readonly hopType: Int32Array;
  /** 1 when the relation goes from the node to the neighbour, 0 when it comes in. */
  readonly forward: Uint8Array;
  /** Every relation type name, sorted; `inType` is a number into this. */
  readonly allTypes: readonly string[];
  /** The relations coming into node `n` (all types) are `inOffsets[n]` to `inOffsets[n + 1] - 1`. */
  readonly inOffsets: Int32Array;
  readonly inSource: Int32Array;
  readonly inType: Int32Array;
  /** Working arrays of impact runs, one slot per node, reused from run to run (see `impactTree`). */
  readonly scratch: {
    readonly stamp: Int32Array;
    readonly depth: Int32Array;
    readonly via: Int32Array;
    readonly parent: Int32Array;
    readonly reached: Int32Array;
    generation: number;
  };
};

const cache = new WeakMap<Model, PropagationIndex>();
const watched = new WeakSet<Model>();
const STRUCTURAL_EVENTS = [
  'nodeAdded',
  'nodeDropped',
  'edgeAdded',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'nodeAttributesUpdated',
] as const;

function watch(model: Model): void {
  if (watched.has(model)) return;
  watched.add(model);
  const forget = () => cache.delete(model);
  for (const event of STRUCTURAL_EVENTS) model.graph.on(event, forget);
}

/**
 * The propagation index of a model, built on first use and kept until the model changes.
 *
 * @example
 * const index = propagationIndex(model); index.ids.length === model.elementCount
 */
export function propagationIndex(model: Model): PropagationIndex {
  let index = cache.get(model);
  if (!index) {
    watch(model);
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

type Direction = { readonly forward: boolean; readonly backward: boolean };

function directions(model: Model): { types: string[]; rule: Map<string, Direction & { n: number }> } {
  const types = [...model.metamodel.relationTypes.values()]
    .filter((def) => def.impact !== 'none')
    .map((def) => def.name)
    .sort();
  const rule = new Map<string, Direction & { n: number }>();
  types.forEach((name, n) => {
    const impact = model.metamodel.relationTypes.get(name)!.impact;
    rule.set(name, {
      n,
      forward: impact === 'both' || impact === 'source-to-target',
      backward: impact === 'both' || impact === 'target-to-source',
    });
  });
  return { types, rule };
}

function buildIndex(model: Model): PropagationIndex {
  const graph = model.graph;
  const ids = graph.nodes().sort();
  const numberOf = new Map<string, number>();
  ids.forEach((id, n) => {
    numberOf.set(id, n);
  });
  const kinds: string[] = [];
  const kindNumber = new Map<string, number>();
  const kindOf = new Int32Array(ids.length);
  ids.forEach((id, n) => {
    const kind = graph.getNodeAttribute(id, 'element').kind;
    let k = kindNumber.get(kind);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(kind);
      kindNumber.set(kind, k);
    }
    kindOf[n] = k;
  });
  const { types, rule } = directions(model);
  const degree = new Int32Array(ids.length + 1);
  const hops: number[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const r = rule.get(attributes.relation.type);
    if (!r) return;
    const s = numberOf.get(source)!;
    const t = numberOf.get(target)!;
    if (r.forward) {
      hops.push(s, t, r.n, 1);
      degree[s]!++;
    }
    if (r.backward) {
      hops.push(t, s, r.n, 0);
      degree[t]!++;
    }
  });
  return {
    ids,
    numberOf,
    kindOf,
    kinds,
    types,
    ...layOut(degree, hops, types.length),
    ...incoming(model, numberOf),
    scratch: {
      stamp: new Int32Array(ids.length),
      depth: new Int32Array(ids.length),
      via: new Int32Array(ids.length),
      parent: new Int32Array(ids.length),
      reached: new Int32Array(ids.length),
      generation: 0,
    },
  };
}

/** Every relation coming into each node, by source and type: how actors are found without the graph. */
function incoming(model: Model, numberOf: ReadonlyMap<string, number>) {
  const allTypes = [...model.metamodel.relationTypes.keys()].sort();
  const typeNumber = new Map(allTypes.map((t, i) => [t, i] as const));
  const n = numberOf.size;
  const inOffsets = new Int32Array(n + 1);
  const size = model.graph.size;
  const targets = new Int32Array(size);
  const sources = new Int32Array(size);
  const types = new Int32Array(size);
  let e = 0;
  model.graph.forEachEdge((_edge, attributes, source, target) => {
    targets[e] = numberOf.get(target)!;
    sources[e] = numberOf.get(source)!;
    types[e] = typeNumber.get(attributes.relation.type) ?? -1;
    inOffsets[targets[e]! + 1]!++;
    e++;
  });
  for (let i = 0; i < n; i++) inOffsets[i + 1]! += inOffsets[i]!;
  const fill = inOffsets.slice(0, n);
  const inSource = new Int32Array(size);
  const inType = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    const at = fill[targets[k]!]!++;
    inSource[at] = sources[k]!;
    inType[at] = types[k]!;
  }
  return { allTypes, inOffsets, inSource, inType };
}

/** Turns (from, to, type, forward) quadruples into sorted adjacency runs (compressed sparse rows). */
function layOut(degree: Int32Array, hops: readonly number[], typeCount: number) {
  const n = degree.length - 1;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const total = offsets[n]!;
  // One sortable number per hop: neighbour, then type, then direction.
  const keys = new Float64Array(total);
  const fill = offsets.slice(0, n);
  for (let h = 0; h < hops.length; h += 4) {
    const from = hops[h]!;
    keys[fill[from]!++] = (hops[h + 1]! * typeCount + hops[h + 2]!) * 2 + (1 - hops[h + 3]!);
  }
  const neighbour = new Int32Array(total);
  const hopType = new Int32Array(total);
  const forward = new Uint8Array(total);
  for (let i = 0; i < n; i++) {
    const run = keys.subarray(offsets[i]!, offsets[i + 1]!);
    if (run.length > 1) run.sort();
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const key = keys[k]!;
      const direction = key % 2;
      const rest = (key - direction) / 2;
      forward[k] = 1 - direction;
      hopType[k] = rest % typeCount;
      neighbour[k] = (rest - (rest % typeCount)) / typeCount;
    }
  }
  return { offsets, neighbour, hopType, forward };
}
