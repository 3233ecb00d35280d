import type { Model } from '../model/model.js';
import type { PathStep } from '../model/path-step.js';
import { pathTo, walkBreadthFirst } from './breadth-first-walk.js';
import { checkDepth, type StepFilter, stepFilter, stepsFrom, type TraceDirection } from './trace-step.js';

/** Options for {@link shortestPath} and {@link allSimplePaths}. */
export type PathOptions = {
  /** Relation names that a path may cross (type or inverse names); all when left out. */
  readonly types?: readonly string[];
  /** `both` (the default) lets a path cross relations either way; `out` only as they read. */
  readonly direction?: TraceDirection;
  /** The longest path to consider, in relations. */
  readonly maxDepth?: number;
  /**
   * `trace` (the default without `types`): the path with the fewest governance, documentation and
   * change relations (the metamodel's `category`), then the shortest; `shortest`: the shortest path
   * whatever it crosses. With `types`, the path crosses only those and is the shortest.
   */
  readonly prefer?: 'trace' | 'shortest';
};

/**
 * The path of relations from one element to another that means the most, or undefined when there is
 * none: by default the one crossing the fewest relations that are not trace relations (a principle's
 * `governs`, an artefact's `documents`), then the shortest, so that IF-021 reaches REQ-LSS-001 through
 * what satisfies it rather than through a principle both are governed by.
 * Among paths of equal length it gives the first in (name, id) order at each step, so the answer does
 * not depend on the order the files were loaded in. The shortest path is the one breadth-first walk
 * ({@link walkBreadthFirst}) stopped at `to`; graphology-shortest-path is not used: its `bidirectional`
 * and `dijkstra` follow neighbours in insertion (load) order and cannot filter relation types.
 *
 * @example
 * formatPath(shortestPath(model, 'REQ-LSS-001', 'IF-022') ?? [])
 */
export function shortestPath(
  model: Model,
  from: string,
  to: string,
  options: PathOptions = {},
): PathStep[] | undefined {
  model.getElement(from);
  model.getElement(to);
  const maxDepth = checkDepth(options.maxDepth, 'options.maxDepth');
  const filter = stepFilter(model, options.types, options.direction ?? 'both');
  if (from === to) return [];
  if ((options.prefer ?? 'trace') === 'trace' && options.types === undefined)
    return preferTrace(model, from, to, filter, maxDepth);
  const { reachedBy } = walkBreadthFirst(model, from, filter, maxDepth, to);
  return reachedBy.has(to) ? pathTo(reachedBy, to) : undefined;
}

type Reach = { readonly cost: number; readonly length: number; readonly step: PathStep | undefined };

/**
 * Dijkstra on (relations that are not trace relations, length), compared in that order: each bucket of
 * one cost is walked breadth first, by length, and stepsFrom's (name, id) order breaks ties, so the
 * answer does not depend on the order the files were loaded in.
 */
function preferTrace(
  model: Model,
  from: string,
  to: string,
  filter: StepFilter,
  maxDepth: number,
): PathStep[] | undefined {
  const typeOf = new Map<string, string>();
  for (const type of model.metamodel.relationTypes.values()) {
    typeOf.set(type.name, type.category ?? 'trace');
  }
  const best = new Map<string, Reach>([[from, { cost: 0, length: 0, step: undefined }]]);
  const buckets: string[][][] = [[[from]]];
  const settled = new Set<string>();
  for (let cost = 0; cost < buckets.length; cost++) {
    const byLength = buckets[cost] ?? [];
    for (let length = 0; length < byLength.length; length++) {
      for (const id of byLength[length] ?? []) {
        const reach = best.get(id)!;
        if (settled.has(id) || reach.cost !== cost || reach.length !== length) continue;
        settled.add(id);
        if (id === to) return pathTo(new Map([...best].map(([k, r]) => [k, r.step])), to);
        if (length >= maxDepth) continue;
        for (const step of stepsFrom(model, id, filter)) {
          const next = {
            cost: cost + (typeOf.get(step.relation) === 'trace' ? 0 : 1),
            length: length + 1,
            step,
          };
          const known = best.get(step.to);
          if (known && (known.cost < next.cost || (known.cost === next.cost && known.length <= next.length)))
            continue;
          best.set(step.to, next);
          const bucket = buckets[next.cost] ?? [];
          buckets[next.cost] = bucket;
          const atLength = bucket[next.length] ?? [];
          bucket[next.length] = atLength;
          atLength.push(step.to);
        }
      }
    }
  }
  return undefined;
}
