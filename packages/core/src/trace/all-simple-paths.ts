import { InvalidArgumentError } from '../errors/tracery-error.js';
import type { Model } from '../model/model.js';
import type { PathStep } from '../model/path-step.js';
import type { PathOptions } from './shortest-path.js';
import { checkDepth, readingName, stepFilter, stepsFrom } from './trace-step.js';

/** Options for {@link allSimplePaths}: a path filter, and bounds, since the number of paths can explode. */
export type SimplePathOptions = PathOptions & {
  /** Stop after this many paths (default 100). */
  readonly limit?: number;
};

/** What {@link allSimplePaths} found, and whether a bound cut the search short. */
export type SimplePaths = { readonly paths: readonly (readonly PathStep[])[]; readonly truncated: boolean };

const DEFAULT_DEPTH = 6;
const DEFAULT_LIMIT = 100;

/**
 * Every path from one element to another that visits no element twice, up to `maxDepth` relations
 * (default 6) and `limit` paths (default 100), shortest first, then in (name, id) order. A depth-first
 * search with both bounds; graphology-simple-path is not a dependency and cannot filter relation types.
 *
 * @example
 * allSimplePaths(model, 'BP018', 'IF-022', { maxDepth: 3 }).paths.length
 */
export function allSimplePaths(
  model: Model,
  from: string,
  to: string,
  options: SimplePathOptions = {},
): SimplePaths {
  model.getElement(from);
  model.getElement(to);
  const maxDepth = Math.min(checkDepth(options.maxDepth ?? DEFAULT_DEPTH, 'options.maxDepth'), 64);
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidArgumentError(`options.limit: expected a positive integer, got ${limit}.`);
  const filter = stepFilter(model, options.types, options.direction ?? 'both');
  const paths: PathStep[][] = [];
  const onPath = new Set<string>([from]);
  const path: PathStep[] = [];
  let truncated = false;
  const visit = (id: string): void => {
    if (truncated) return;
    for (const step of stepsFrom(model, id, filter)) {
      if (onPath.has(step.to)) continue;
      if (step.to === to) {
        if (paths.length === limit) {
          truncated = true;
          return;
        }
        paths.push([...path, step]);
        continue;
      }
      if (path.length + 1 >= maxDepth) continue;
      onPath.add(step.to);
      path.push(step);
      visit(step.to);
      path.pop();
      onPath.delete(step.to);
      if (truncated) return;
    }
  };
  if (from !== to) visit(from);
  const keyOf = (path: readonly PathStep[]) =>
    path.map((s) => `${readingName(model, s)}\u0000${s.to}`).join('\u0001');
  const keyed = paths.map((p) => ({ path: p, key: keyOf(p) }));
  keyed.sort((a, b) =>
    a.path.length !== b.path.length
      ? a.path.length - b.path.length
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0,
  );
  return { paths: keyed.map((k) => k.path), truncated };
}
