import type { Model } from '../model/model.js';
import { checkDepth, stepFilter, stepsFrom, type TraceDirection, type TraceStep } from './trace-step.js';

/** Options for {@link shortestPath} and {@link allSimplePaths}. */
export type PathOptions = {
  /** Relation names that a path may cross (type or inverse names); all when left out. */
  readonly types?: readonly string[];
  /** `both` (the default) lets a path cross relations either way; `out` only as they read. */
  readonly direction?: TraceDirection;
  /** The longest path to consider, in relations. */
  readonly maxDepth?: number;
};

/**
 * The shortest path of relations from one element to another, or undefined when there is none.
 * Among paths of equal length it gives the first in (name, id) order at each step, so the answer does
 * not depend on the order the files were loaded in (graphology-shortest-path's `bidirectional` is not
 * used for that reason, and because it cannot filter relation types).
 *
 * @example
 * shortestPath(model, 'REQ-LSS-001', 'IF-022')?.map((s) => `${s.from} ${s.name} ${s.to}`)
 */
export function shortestPath(
  model: Model,
  from: string,
  to: string,
  options: PathOptions = {},
): TraceStep[] | undefined {
  model.getElement(from);
  model.getElement(to);
  const maxDepth = checkDepth(options.maxDepth, 'options.maxDepth');
  const filter = stepFilter(model, options.types, options.direction ?? 'both');
  if (from === to) return [];
  const reachedBy = new Map<string, TraceStep | undefined>([[from, undefined]]);
  let frontier = [from];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const step of stepsFrom(model, id, filter)) {
        if (reachedBy.has(step.to)) continue;
        reachedBy.set(step.to, step);
        if (step.to === to) return unwind(reachedBy, to);
        next.push(step.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

function unwind(reachedBy: ReadonlyMap<string, TraceStep | undefined>, id: string): TraceStep[] {
  const path: TraceStep[] = [];
  for (let step = reachedBy.get(id); step !== undefined; step = reachedBy.get(step.from)) path.push(step);
  return path.reverse();
}
