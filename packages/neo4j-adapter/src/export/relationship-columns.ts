import type { NodeRefs } from './node-refs.js';
import type { RelationshipRow } from './plan-export.js';

/**
 * A batch of new relationships without properties as five texts, one per column, rather than as a
 * list of rows: the start nodes' refs and ids, the end nodes' refs and ids, and where each start
 * node's ends begin in the end columns (its offset; the last one the number of ends), each text
 * the column's values joined by `separator`, which the query splits again (`split($ends, $sep)`).
 * The driver packs each value of a parameter on its own (a closure, a type check, and for a text a
 * buffer of its own): the rows of 500k relationships held about 3.5 million values and cost the
 * client about 2 of its 4.7 CPU seconds; five texts per batch cost it next to nothing, and the
 * server splits them in microseconds. Rows go by start node as in {@link relationshipsByStart}.
 */
export type RelationshipColumns = {
  readonly starts: string;
  readonly startIds: string;
  readonly ends: string;
  readonly endIds: string;
  readonly offsets: string;
  readonly separator: string;
};

/** Separators to try, in order: control characters no id is likely to hold, then printable ones. */
const SEPARATORS = ['\u001f', '\u001e', '\u001d', '\u001c', '|', ',', ';', ' '];

/**
 * The columns of a batch (see {@link RelationshipColumns}), or undefined when some end has no
 * element id in `refs` or every separator occurs in some id or ref (the batch then goes as rows).
 *
 * @example
 * relationshipColumns(rows, refs) // { starts: '7\u001f8', startIds: 'A\u001fB', ends: '8\u001f9\u001f9', ... }
 */
export function relationshipColumns(
  rows: readonly RelationshipRow[],
  refs: NodeRefs,
): RelationshipColumns | undefined {
  const starts: string[] = [];
  const startIds: string[] = [];
  const ends: string[] = [];
  const endIds: string[] = [];
  const offsets: string[] = [];
  let source: string | undefined;
  for (const { source: from, target } of rows) {
    if (from !== source) {
      const start = refs.rest(from);
      if (start === undefined) return undefined;
      source = from;
      starts.push(start);
      startIds.push(from);
      offsets.push(String(ends.length));
    }
    const end = refs.rest(target);
    if (end === undefined) return undefined;
    ends.push(end);
    endIds.push(target);
  }
  offsets.push(String(ends.length));
  const separator = SEPARATORS.find((sep) =>
    [starts, startIds, ends, endIds].every((column) => free(column, sep)),
  );
  if (separator === undefined) return undefined;
  return {
    starts: starts.join(separator),
    startIds: startIds.join(separator),
    ends: ends.join(separator),
    endIds: endIds.join(separator),
    offsets: offsets.join(separator),
    separator,
  };
}

function free(values: readonly string[], separator: string): boolean {
  for (const value of values) if (value.includes(separator)) return false;
  return true;
}

/**
 * The Cypher that creates a batch of relationships without properties from {@link RelationshipColumns}
 * (`$starts`, `$startIds`, `$ends`, `$endIds`, `$offsets`, `$sep`, and `$prefix`, the beginning of
 * every element id): each start node sought by element id and checked (label and id) once, then
 * each of its ends likewise, as the row-wise query does. `type` is the quoted type or `$($type)`.
 */
export function columnsWriteQuery(quotedLabel: string, type: string): string {
  return `WITH split($starts, $sep) AS starts, split($startIds, $sep) AS startIds,
  split($ends, $sep) AS ends, split($endIds, $sep) AS endIds,
  [o IN split($offsets, $sep) | toInteger(o)] AS offsets
UNWIND range(0, size(starts) - 1) AS i
MATCH (s) WHERE elementId(s) = $prefix + starts[i]
WITH s, i, startIds, ends, endIds, offsets WHERE s:${quotedLabel} AND [s.id] = [startIds[i]]
UNWIND range(offsets[i], offsets[i + 1] - 1) AS j
MATCH (t) WHERE elementId(t) = $prefix + ends[j]
WITH s, t, j, endIds WHERE t:${quotedLabel} AND [t.id] = [endIds[j]]
CREATE (s)-[:${type}]->(t)
RETURN count(*) AS done`;
}
