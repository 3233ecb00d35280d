import type { Model } from '../model/model.js';

/**
 * The model's relations compiled once into flat arrays for impact runs: node ids in sorted order (so
 * comparing two node numbers compares their ids with `<`), and for each node every relation at it, in
 * both directions, as a hop to the far end, sorted by relation type, then direction, then far end.
 * Effects are not compiled in: a run looks them up per hop code, so one index serves every setting.
 */
export type PropagationIndex = {
  /** Element ids, sorted; a node's number is its position here. */
  readonly ids: readonly string[];
  readonly numberOf: ReadonlyMap<string, number>;
  /** The kind of each node, as a number into `kinds`. */
  readonly kindOf: Int32Array;
  readonly kinds: readonly string[];
  /** Every relation type name of the metamodel, sorted; a hop's type is a number into this. */
  readonly types: readonly string[];
  /** The hops of node `n` are `offsets[n]` to `offsets[n + 1] - 1` of the arrays below. */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  /**
   * The hop's code: `type * 2` when the relation goes from the node to the neighbour (forward),
   * `type * 2 + 1` when it comes in (backward). `code ^ 1` is the same type crossed the other way.
   */
  readonly code: Int32Array;
  /** Working arrays of impact runs, reused from run to run (see `impactTree`). */
  readonly scratch: ImpactScratch;
};

/** Per-run working arrays: two modes per node (propagated, notified) and up to two states per mode. */
export type ImpactScratch = {
  /** Per node and mode (`node * 2 + mode`): the run's generation when the pair has a state. */
  readonly seen: Int32Array;
  /** Per node and mode: how many states it has in this run (1 or 2). */
  readonly states: Uint8Array;
  /** Per node and mode: the hop code its first state may not leave by (-1: none). */
  readonly firstBan: Int32Array;
  /** Per state (`node * 4 + mode * 2 + slot`): depth, arriving hop, and parent state. */
  readonly depth: Int32Array;
  readonly via: Int32Array;
  readonly parent: Int32Array;
  /** Two frontier buffers of state numbers. */
  readonly frontierA: Int32Array;
  readonly frontierB: Int32Array;
  generation: number;
};

/** Each model's index, with the model's revision it was built at. */
const cache = new WeakMap<Model, { readonly revision: number; readonly index: PropagationIndex }>();

/**
 * The propagation index of a model, built on first use and kept until the model changes.
 *
 * @example
 * const index = propagationIndex(model); index.ids.length === model.elementCount
 */
export function propagationIndex(model: Model): PropagationIndex {
  const cached = cache.get(model);
  if (cached && cached.revision === model.revision) return cached.index;
  const index = buildIndex(model);
  cache.set(model, { revision: model.revision, index });
  return index;
}

function nodeKinds(model: Model, ids: readonly string[]) {
  const kinds: string[] = [];
  const kindNumber = new Map<string, number>();
  const kindOf = new Int32Array(ids.length);
  ids.forEach((id, n) => {
    const kind = model.getElement(id).kind;
    let k = kindNumber.get(kind);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(kind);
      kindNumber.set(kind, k);
    }
    kindOf[n] = k;
  });
  return { kinds, kindOf };
}

function buildIndex(model: Model): PropagationIndex {
  const ids = [...model.elementIds()].sort();
  const numberOf = new Map<string, number>();
  ids.forEach((id, n) => {
    numberOf.set(id, n);
  });
  const types = [...model.metamodel.relationTypes.keys()].sort();
  const typeNumber = new Map(types.map((t, i) => [t, i] as const));
  const degree = new Int32Array(ids.length + 1);
  const size = model.relationCount;
  const sources = new Int32Array(size);
  const targets = new Int32Array(size);
  const typeOf = new Int32Array(size);
  let e = 0;
  for (const { type, source, target } of model.relations()) {
    const t = typeNumber.get(type);
    if (t === undefined) continue;
    sources[e] = numberOf.get(source)!;
    targets[e] = numberOf.get(target)!;
    typeOf[e] = t;
    degree[sources[e]!]!++;
    degree[targets[e]!]!++;
    e++;
  }
  const n = ids.length;
  const scratch: ImpactScratch = {
    seen: new Int32Array(n * 2),
    states: new Uint8Array(n * 2),
    firstBan: new Int32Array(n * 2),
    depth: new Int32Array(n * 4),
    via: new Int32Array(n * 4),
    parent: new Int32Array(n * 4),
    frontierA: new Int32Array(n * 4),
    frontierB: new Int32Array(n * 4),
    generation: 0,
  };
  return {
    ids,
    numberOf,
    ...nodeKinds(model, ids),
    types,
    ...layOut(degree, sources.subarray(0, e), targets.subarray(0, e), typeOf.subarray(0, e)),
    scratch,
  };
}

/** Turns relations into sorted adjacency runs (compressed sparse rows), each relation once per end. */
function layOut(degree: Int32Array, sources: Int32Array, targets: Int32Array, typeOf: Int32Array) {
  const n = degree.length - 1;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const total = offsets[n]!;
  // One sortable number per hop: code (type, then direction), then neighbour; so the hops of one code
  // form a run that `hopRange` finds by binary search.
  const keys = new Float64Array(total);
  const fill = offsets.slice(0, n);
  for (let r = 0; r < sources.length; r++) {
    const s = sources[r]!;
    const t = targets[r]!;
    const code = typeOf[r]! * 2;
    keys[fill[s]!++] = code * n + t;
    keys[fill[t]!++] = (code + 1) * n + s;
  }
  const neighbour = new Int32Array(total);
  const code = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const run = keys.subarray(offsets[i]!, offsets[i + 1]!);
    if (run.length > 1) run.sort();
  }
  for (let k = 0; k < total; k++) {
    const key = keys[k]!;
    const other = key % n;
    neighbour[k] = other;
    code[k] = (key - other) / n;
  }
  return { offsets, neighbour, code };
}

/**
 * The hops of `node` with hop code `code`: positions `[start, end)` of the index's hop arrays, found
 * by binary search (a node's hops are sorted by code).
 */
export function hopRange(index: PropagationIndex, node: number, code: number): [number, number] {
  const { offsets, code: codes } = index;
  const first = (target: number) => {
    let lo = offsets[node]!;
    let hi = offsets[node + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codes[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(code), first(code + 1)];
}
