import type { Model } from '../model/model.js';
import type { PathStep } from '../model/path-step.js';
import { type StepFilter, stepsFrom } from './trace-step.js';

/** What a breadth-first walk reached: each element once, at its smallest depth, and the step that reached it. */
export type BreadthFirstWalk = {
  /** The step that first reached each element (undefined for the start), in the order they were reached. */
  readonly reachedBy: ReadonlyMap<string, PathStep | undefined>;
  /** The depth of each element reached, the start at 0. */
  readonly depths: ReadonlyMap<string, number>;
};

/**
 * The one breadth-first walk over a model's relations (trace, shortest path): level by level from
 * `start`, up to `maxDepth` relations, each element taken once at its smallest depth by the first step
 * that reaches it. Each element's steps come in (name, id) order and each level in the order it was
 * reached, so the walk, and every path in it, does not depend on the order the files were loaded in.
 * With `stopAt`, the walk ends as soon as that element is reached.
 * graphology-traversal's `bfsFromNode` does not fit: it cannot filter relations by type, nor say which
 * relation reached a node, and it visits neighbours in insertion (load) order.
 */
export function walkBreadthFirst(
  model: Model,
  start: string,
  filter: StepFilter,
  maxDepth: number,
  stopAt?: string,
): BreadthFirstWalk {
  const reachedBy = new Map<string, PathStep | undefined>([[start, undefined]]);
  const depths = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const step of stepsFrom(model, id, filter)) {
        if (reachedBy.has(step.to)) continue;
        reachedBy.set(step.to, step);
        depths.set(step.to, depth);
        if (step.to === stopAt) return { reachedBy, depths };
        next.push(step.to);
      }
    }
    frontier = next;
  }
  return { reachedBy, depths };
}

/** The steps from a walk's start to `id`, in order, read back from the step that reached each element. */
export function pathTo(reachedBy: ReadonlyMap<string, PathStep | undefined>, id: string): PathStep[] {
  const path: PathStep[] = [];
  for (let step = reachedBy.get(id); step !== undefined; step = reachedBy.get(step.from)) path.push(step);
  return path.reverse();
}
