import type { Session } from 'neo4j-driver';
import { escapeName, RESERVED_PROPERTY_PREFIX } from '../cypher/cypher-name.js';
import { Neo4jQueryError } from '../errors/neo4j-errors.js';
import type { Properties } from '../mapping/attribute-properties.js';
import type { GraphScope } from './graph-scope.js';
import type { NodeRow, RelationshipRow } from './plan-export.js';
import type { NodeRefs } from './read-graph-state.js';
import { toNumber } from './upsert-rows.js';
import { addCounters, type WriteCounters } from './write-counters.js';

/** How one batch is written: new rows are created, changed ones matched by id and set. */
export type WriteHow = 'create' | 'update';

/**
 * The Cypher that writes one batch of nodes of one kind. New nodes are created outright (the id
 * constraint still refuses a duplicate) from positional rows, a value per key of `keys` (the keys
 * the batch uses, `id` among them; a null one is not set), since lists cost the driver less to send
 * than maps; it returns each new node's id with its element id, by which the relationships find it.
 * Changed nodes are found through the id index and their properties replaced. The text depends only
 * on the label, kind and keys, so the server plans it once per kind and caches it.
 */
export function nodeWriteQuery(
  scope: GraphScope,
  kind: string,
  how: WriteHow,
  keys: readonly string[] = [],
): string {
  const labels = `${scope.quotedLabel}:${escapeName(kind, 'label')}`;
  if (how === 'create') {
    return `UNWIND $rows AS row CREATE (n:${labels} {${inline(keys, 0)}})
RETURN collect([row[${keys.indexOf('id')}], elementId(n)]) AS refs`;
  }
  return `UNWIND $rows AS row MATCH (n:${scope.quotedLabel} {id: row.id}) SET n = row.props, n:${labels}
RETURN count(*) AS done`;
}

/**
 * The Cypher that writes one batch of relationships of one type. New relationships are created with
 * their properties inline: `SET r = map` after CREATE would make the planner add an Eager step that
 * holds the whole batch in memory. Their ends are found by element id (rows `[source ref, target ref,
 * source id, target id, ...values of keys]`, `by: 'ref'`; the label and id of both ends checked, so
 * a reused element id finds nothing) or, when the export has no element id for an end, through the
 * id index (rows `[source, target, ...values of keys]`, `by: 'id'`). Changed ones are matched by
 * their ends' ids and replaced.
 */
export function relationshipWriteQuery(
  scope: GraphScope,
  graphType: string,
  how: WriteHow,
  keys: readonly string[] = [],
  by: 'ref' | 'id' = 'id',
): string {
  const label = scope.quotedLabel;
  const type = escapeName(graphType, 'relationship type');
  if (how === 'update') {
    // The hint keeps the plan a seek whatever statistics the planner has when it first plans the text.
    return `UNWIND $rows AS row
MATCH (s:${label} {id: row.s})-[r:${type}]->(t:${label} {id: row.t})
USING INDEX s:${label}(id)
SET r = row.p
RETURN count(*) AS done`;
  }
  if (by === 'ref') {
    // The id check compares lists so that the planner does not turn it into an index seek.
    return `UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = row[0]
MATCH (t) WHERE elementId(t) = row[1]
WITH s, t, row WHERE s:${label} AND t:${label} AND [s.id, t.id] = [row[2], row[3]]
CREATE (s)-[:${type} {${inline(keys, 4)}}]->(t)
RETURN count(*) AS done`;
  }
  return `UNWIND $rows AS row
MATCH (s:${label} {id: row[0]})
MATCH (t:${label} {id: row[1]})
CREATE (s)-[:${type} {${inline(keys, 2)}}]->(t)
RETURN count(*) AS done`;
}

/** `key: row[i]` for each key, the reserved keys (from Tracery itself: the plan refused them from users) included. */
function inline(keys: readonly string[], offset: number): string {
  return keys
    .map((key, i) => {
      const quoted = escapeName(
        key,
        key.startsWith(RESERVED_PROPERTY_PREFIX) ? 'schema name' : 'property key',
      );
      return `${quoted}: row[${offset + i}]`;
    })
    .join(', ');
}

/** Writes one batch of nodes of one kind in its own transaction; adds the element ids of new ones to `refs`, if any. */
export async function writeNodes(
  session: Session,
  scope: GraphScope,
  kind: string,
  how: WriteHow,
  rows: readonly NodeRow[],
  counters: WriteCounters,
  refs?: NodeRefs,
): Promise<void> {
  if (how === 'create') {
    const keys = keysOf(rows.map((row) => row.props));
    const params = rows.map((row) => keys.map((key) => row.props[key] ?? null));
    const created = await runBatch(session, nodeWriteQuery(scope, kind, how, keys), params, counters, 'refs');
    if (refs) for (const [id, ref] of created as [string, string][]) refs.set(id, ref);
    return;
  }
  const params = rows.map(({ id, props }) => ({ id, props }));
  const done = await runBatch(session, nodeWriteQuery(scope, kind, how), params, counters);
  if (done < rows.length) {
    throw new Neo4jQueryError(
      `model: ${rows.length - done} node(s) of kind "${kind}" were not found to update; was the graph changed during the export?`,
    );
  }
}

/**
 * Writes one batch of relationships of one type in its own transaction; both ends must exist. New
 * ones find their ends by the element ids in `refs` when it has both ends of every row, else
 * through the id index.
 */
export async function writeRelationships(
  session: Session,
  scope: GraphScope,
  graphType: string,
  how: WriteHow,
  rows: readonly RelationshipRow[],
  counters: WriteCounters,
  refs?: NodeRefs,
): Promise<void> {
  const keys = how === 'create' ? keysOf(rows.map((row) => row.props)) : [];
  const by =
    how === 'create' && refs && rows.every((row) => refs.has(row.source) && refs.has(row.target))
      ? 'ref'
      : 'id';
  const values = (row: RelationshipRow) => keys.map((key) => row.props[key] ?? null);
  const params =
    how === 'update'
      ? rows.map((row) => ({ s: row.source, t: row.target, p: row.props }))
      : by === 'ref'
        ? rows.map((row) => [
            refs?.get(row.source),
            refs?.get(row.target),
            row.source,
            row.target,
            ...values(row),
          ])
        : rows.map((row) => [row.source, row.target, ...values(row)]);
  const query = relationshipWriteQuery(scope, graphType, how, keys, by);
  const done = await runBatch(session, query, params, counters);
  if (done < rows.length) {
    throw new Neo4jQueryError(
      `model: ${rows.length - done} ${graphType} relationship(s) could not find their end nodes; was the graph changed during the export?`,
    );
  }
}

async function runBatch(
  session: Session,
  query: string,
  rows: readonly unknown[],
  counters: WriteCounters,
): Promise<number>;
async function runBatch(
  session: Session,
  query: string,
  rows: readonly unknown[],
  counters: WriteCounters,
  column: 'refs',
): Promise<unknown[]>;
async function runBatch(
  session: Session,
  query: string,
  rows: readonly unknown[],
  counters: WriteCounters,
  column: 'done' | 'refs' = 'done',
): Promise<number | unknown[]> {
  const { value, summary } = await session.executeWrite(async (tx) => {
    const result = await tx.run(query, { rows });
    return { value: result.records[0]?.get(column), summary: result.summary };
  });
  addCounters(counters, summary.counters);
  return column === 'refs' ? ((value ?? []) as unknown[]) : toNumber(value);
}

/** The property keys a batch uses, sorted, so that batches of one shape share one query text. */
function keysOf(rows: readonly Properties[]): string[] {
  const keys = new Set<string>();
  for (const props of rows) for (const key of Object.keys(props)) keys.add(key);
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
