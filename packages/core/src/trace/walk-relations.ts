import type { Model } from '../model/model.js';
import type { PathStep } from '../model/path-step.js';
import { pathTo, walkBreadthFirst } from './breadth-first-walk.js';
import { checkDepth, checkKinds, stepFilter, type TraceDirection } from './trace-step.js';

/** Options for {@link traceDownstream} and {@link traceUpstream}. */
export type TraceOptions = {
  /** Relation names to follow (type names or inverse names); all when left out. */
  readonly types?: readonly string[];
  /** Only report elements of these kinds (the walk still passes through the others). */
  readonly kinds?: readonly string[];
  /** Override the way relations are followed; `both` gives the whole neighbourhood. */
  readonly direction?: TraceDirection;
  /** How many relations away to go at most; no bound when left out. */
  readonly maxDepth?: number;
};

/** An element reached by a trace, with how far it is and the shortest path from the start. */
export type TraceHit = {
  readonly id: string;
  readonly kind: string;
  readonly depth: number;
  /** The relations crossed from the start to this element, in order. */
  readonly path: readonly PathStep[];
};

/**
 * Breadth-first walk from `start` ({@link walkBreadthFirst}): every element reached, each once, at its
 * smallest depth, with the path that reached it first (neighbours are visited in name, then id order,
 * so paths repeat).
 */
export function walkRelations(
  model: Model,
  start: string,
  options: TraceOptions,
  direction: TraceDirection,
): TraceHit[] {
  model.getElement(start);
  checkKinds(model, options.kinds, 'options.kinds');
  const maxDepth = checkDepth(options.maxDepth, 'options.maxDepth');
  const filter = stepFilter(model, options.types, options.direction ?? direction);
  const { reachedBy, depths } = walkBreadthFirst(model, start, filter, maxDepth);
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const hits: TraceHit[] = [];
  for (const [id, depth] of depths) {
    if (id === start) continue;
    const kind = model.getElement(id).kind;
    if (kinds && !kinds.has(kind)) continue;
    hits.push({ id, kind, depth, path: pathTo(reachedBy, id) });
  }
  return hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
