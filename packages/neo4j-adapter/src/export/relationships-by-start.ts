import type { NodeRefs } from './node-refs.js';
import type { RelationshipRow } from './plan-export.js';

/**
 * The rows of a batch of new relationships whose ends are found by element id, one per start node:
 * `[start ref, start id, [[end ref, end id, ...values of keys], ...]]`, each ref the rest of an
 * element id after the batch's `$prefix` ({@link NodeRefs.prefix}). A run of rows with the same
 * source (the plan sorts them by source, then target) becomes one row, so that the server seeks and
 * checks each start node once, and the client sends its element id and id once, rather than once
 * per relationship: with five relationships per element on average, that is a fifth of the seeks of
 * start nodes and of the bytes they took. Undefined when some end has no element id in `refs`: the
 * batch then finds its ends through the id index.
 *
 * @example
 * relationshipsByStart(rows, refs, []) // [['7', 'A', [['8', 'B'], ['9', 'C']]]]
 */
export function relationshipsByStart(
  rows: readonly RelationshipRow[],
  refs: NodeRefs,
  keys: readonly string[],
): unknown[][] | undefined {
  const out: unknown[][] = [];
  let source: string | undefined;
  let ends: unknown[][] = [];
  for (const { source: from, target, props } of rows) {
    if (from !== source) {
      const start = refs.rest(from);
      if (start === undefined) return undefined;
      source = from;
      ends = [];
      out.push([start, from, ends]);
    }
    const ref = refs.rest(target);
    if (ref === undefined) return undefined;
    const end: unknown[] = [ref, target];
    for (const key of keys) end.push(props[key] ?? null);
    ends.push(end);
  }
  return out;
}
