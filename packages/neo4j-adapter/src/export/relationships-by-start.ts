import type { RelationshipRow } from './plan-export.js';
import type { NodeRefs } from './read-graph-state.js';

/**
 * The rows of a batch of new relationships whose ends are found by element id, one per start node:
 * `[start ref, start id, [[end ref, end id, ...values of keys], ...]]`, each ref the rest of an
 * element id after `prefix`. A run of rows with the same source (the plan sorts them by source, then
 * target) becomes one row, so that the server seeks and checks each start node once, and the client
 * sends its element id and id once, rather than once per relationship: with five relationships per
 * element on average, that is a fifth of the seeks of start nodes and of the bytes they took.
 * Every end of the batch must have an element id in `refs`.
 *
 * @example
 * relationshipsByStart(rows, refs, '4:db:', []) // [['7', 'A', [['8', 'B'], ['9', 'C']]]]
 */
export function relationshipsByStart(
  rows: readonly RelationshipRow[],
  refs: NodeRefs,
  prefix: string,
  keys: readonly string[],
): unknown[][] {
  const out: unknown[][] = [];
  let source: string | undefined;
  let ends: unknown[][] = [];
  for (const { source: from, target, props } of rows) {
    if (from !== source) {
      source = from;
      ends = [];
      out.push([refs.get(from)!.slice(prefix.length), from, ends]);
    }
    const end: unknown[] = [refs.get(target)!.slice(prefix.length), target];
    for (const key of keys) end.push(props[key] ?? null);
    ends.push(end);
  }
  return out;
}
