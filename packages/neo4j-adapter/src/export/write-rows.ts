import type { Session } from 'neo4j-driver';
import { escapeName, RESERVED_PROPERTY_PREFIX } from '../cypher/cypher-name.js';
import { Neo4jQueryError } from '../errors/neo4j-errors.js';
import type { Properties } from '../mapping/attribute-properties.js';
import type { GraphScope } from './graph-scope.js';
import type { NodeRefs } from './node-refs.js';
import type { NodeRow, RelationshipRow } from './plan-export.js';
import { columnsWriteQuery, relationshipColumns } from './relationship-columns.js';
import type { RelationshipTypeSyntax } from './relationship-type-syntax.js';
import { relationshipsByStart } from './relationships-by-start.js';
import { toNumber } from './upsert-rows.js';
import { addCounters, type WriteCounters } from './write-counters.js';

/** How one batch is written: new rows are created, changed ones matched by id and set. */
export type WriteHow = 'create' | 'update';

/**
 * The Cypher that writes one batch of nodes of one kind. New nodes are created outright (the id
 * constraint still refuses a duplicate) from positional rows, a value per key of `keys` (the keys
 * the batch uses, `id` among them; a null one is not set), since lists cost the driver less to send
 * than maps; `kind`, the same in every row of the batch, goes once as `$kind` rather than in each
 * row (see {@link rowKeys}). It returns each new node's id with its element id, by which the
 * relationships find it. Changed nodes are found through the id index and their properties
 * replaced. The text depends only on the label, kind and keys, so the server plans it once per
 * kind and caches it.
 */
export function nodeWriteQuery(
  scope: GraphScope,
  kind: string,
  how: WriteHow,
  keys: readonly string[] = [],
): string {
  const labels = `${scope.quotedLabel}:${escapeName(kind, 'label')}`;
  if (how === 'create') {
    const perRow = rowKeys(keys);
    const props = [...(keys.includes('kind') ? ['kind: $kind'] : []), ...inline(perRow, 0)];
    return `UNWIND $rows AS row CREATE (n:${labels} {${props.join(', ')}})
RETURN collect([row[${perRow.indexOf('id')}], elementId(n)]) AS refs`;
  }
  return `UNWIND $rows AS row MATCH (n:${scope.quotedLabel} {id: row.id}) SET n = row.props, n:${labels}
RETURN count(*) AS done`;
}

/**
 * The Cypher that writes one batch of relationships of one type. New relationships are created with
 * their properties inline: `SET r = map` after CREATE would make the planner add an Eager step that
 * holds the whole batch in memory. With `keys` the values come in each row, and with no keys (a
 * batch of relations without attributes) there are none to write; with `'shared'` every row of the
 * batch has the same properties, which go once, as the map `$props`: the server then builds no map
 * per row (see the README's figures). Their ends are found by element id (`by: 'ref'`, one row per start node with
 * the list of its ends, see {@link relationshipsByStart}; each ref the
 * rest of an element id after `$prefix`, the beginning all of the batch's share; the label and id
 * of both ends checked, so a reused element id finds nothing) or, when the export has no element id
 * for an end, through the id index (rows `[source, target, ...values of keys]`, `by: 'id'`).
 * Changed ones are matched by their ends' ids and replaced. With `typeAs: 'parameter'`, new ones
 * take their type from `$type` (see {@link RelationshipTypeSyntax}), so one text serves every type.
 */
export function relationshipWriteQuery(
  scope: GraphScope,
  graphType: string,
  how: WriteHow,
  keys: readonly string[] | 'shared' = [],
  by: 'ref' | 'id' = 'id',
  typeAs: RelationshipTypeSyntax = 'text',
): string {
  const label = scope.quotedLabel;
  const named = escapeName(graphType, 'relationship type');
  const type = how === 'create' && typeAs === 'parameter' ? '$($type)' : named;
  if (how === 'update') {
    // The hint keeps the plan a seek whatever statistics the planner has when it first plans the text.
    return `UNWIND $rows AS row
MATCH (s:${label} {id: row.s})-[r:${type}]->(t:${label} {id: row.t})
USING INDEX s:${label}(id)
SET r = row.p
RETURN count(*) AS done`;
  }
  const props = (row: string, offset: number) =>
    keys === 'shared' ? ' $props' : keys.length === 0 ? '' : ` {${inline(keys, offset, row).join(', ')}}`;
  if (by === 'ref') {
    // One row per start node with the list of its ends, so that each start node is sought and
    // checked once rather than once per relationship. The id checks compare lists so that the
    // planner does not turn them into index seeks.
    return `UNWIND $rows AS row
MATCH (s) WHERE elementId(s) = $prefix + row[0]
WITH s, row WHERE s:${label} AND [s.id] = [row[1]]
UNWIND row[2] AS end
MATCH (t) WHERE elementId(t) = $prefix + end[0]
WITH s, t, end WHERE t:${label} AND [t.id] = [end[1]]
CREATE (s)-[:${type}${props('end', 2)}]->(t)
RETURN count(*) AS done`;
  }
  return `UNWIND $rows AS row
MATCH (s:${label} {id: row[0]})
MATCH (t:${label} {id: row[1]})
CREATE (s)-[:${type}${props('row', 2)}]->(t)
RETURN count(*) AS done`;
}

/** The keys of a node batch whose values go in each row: all but `kind`, which goes once per batch. */
export function rowKeys(keys: readonly string[]): string[] {
  return keys.filter((key) => key !== 'kind');
}

/** `key: row[i]` for each key, the reserved keys (from Tracery itself: the plan refused them from users) included. */
function inline(keys: readonly string[], offset: number, row = 'row'): string[] {
  return keys.map((key, i) => {
    const quoted = escapeName(key, key.startsWith(RESERVED_PROPERTY_PREFIX) ? 'schema name' : 'property key');
    return `${quoted}: ${row}[${offset + i}]`;
  });
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
    const perRow = rowKeys(keys);
    const params = rows.map(({ props }) => perRow.map((key) => props[key] ?? null));
    const query = nodeWriteQuery(scope, kind, how, keys);
    const created = await runBatch(session, query, { rows: params, kind }, counters, 'refs');
    if (refs) for (const [id, ref] of created as [string, string][]) refs.set(id, ref);
    return;
  }
  const params = rows.map(({ id, props }) => ({ id, props }));
  const done = await runBatch(session, nodeWriteQuery(scope, kind, how), { rows: params }, counters);
  if (done < rows.length) {
    throw new Neo4jQueryError(
      `model: ${rows.length - done} node(s) of kind "${kind}" were not found to update; was the graph changed during the export?`,
    );
  }
}

/**
 * Writes one batch of relationships of one type in its own transaction; both ends must exist. New
 * ones find their ends by the element ids in `refs` when it has both ends of every row, else
 * through the id index. `typeAs` says how the query names the type of new ones (the server's syntax).
 */
export async function writeRelationships(
  session: Session,
  scope: GraphScope,
  graphType: string,
  how: WriteHow,
  rows: readonly RelationshipRow[],
  counters: WriteCounters,
  refs?: NodeRefs,
  typeAs: RelationshipTypeSyntax = 'text',
): Promise<void> {
  const { query, params } =
    how === 'update'
      ? {
          query: relationshipWriteQuery(scope, graphType, how),
          params: { rows: rows.map((row) => ({ s: row.source, t: row.target, p: row.props })) },
        }
      : newRelationshipsBatch(scope, graphType, rows, refs, typeAs);
  const done = await runBatch(session, query, params, counters);
  if (done < rows.length) {
    throw new Neo4jQueryError(
      `model: ${rows.length - done} ${graphType} relationship(s) could not find their end nodes; was the graph changed during the export?`,
    );
  }
}

/**
 * The query and parameters that create a batch of relationships: as columns (see
 * {@link relationshipColumns}) when the rows have no properties and every end an element id, else as
 * rows by start node, else (an end without element id) as rows found through the id index.
 */
function newRelationshipsBatch(
  scope: GraphScope,
  graphType: string,
  rows: readonly RelationshipRow[],
  refs: NodeRefs | undefined,
  typeAs: RelationshipTypeSyntax,
): { query: string; params: BatchParams } {
  const typed = (params: BatchParams) => (typeAs === 'parameter' ? { ...params, type: graphType } : params);
  const keys = sharesProperties(rows) ? 'shared' : keysOf(rows.map((row) => row.props));
  const columns = refs !== undefined && keys.length === 0 ? relationshipColumns(rows, refs) : undefined;
  if (refs !== undefined && columns !== undefined) {
    const type = typeAs === 'parameter' ? '$($type)' : escapeName(graphType, 'relationship type');
    const { separator, ...texts } = columns;
    const params = { ...texts, sep: separator, prefix: refs.prefix };
    return { query: columnsWriteQuery(scope.quotedLabel, type), params: typed(params) };
  }
  const byStart = refs && relationshipsByStart(rows, refs, keys === 'shared' ? [] : keys);
  const by = byStart === undefined ? 'id' : 'ref';
  const query = relationshipWriteQuery(scope, graphType, 'create', keys, by, typeAs);
  const starts = byStart && refs ? { rows: byStart, prefix: refs.prefix } : undefined;
  return { query, params: typed(newRelationshipParams(rows, keys, starts)) };
}

/**
 * The parameters of a batch of new relationships: positional rows (see {@link relationshipWriteQuery}),
 * and what every row shares. With element ids (`byStart`, from {@link relationshipsByStart}), each
 * end goes as the part of its element id after the prefix all of them share, sent once as
 * `$prefix`: a fifth of the bytes the full ids took, which is what the driver spends most of its
 * time packing and writing.
 */
function newRelationshipParams(
  rows: readonly RelationshipRow[],
  keys: readonly string[] | 'shared',
  byStart: { readonly rows: unknown[][]; readonly prefix: string } | undefined,
): BatchParams {
  const perRow = keys === 'shared' ? [] : keys;
  const params: Record<string, unknown> = byStart ?? { rows: byId(rows, perRow) };
  if (keys === 'shared') params.props = rows[0]?.props ?? {};
  return params as BatchParams;
}

/** Rows `[source, target, ...values of keys]`, for ends found through the id index. */
function byId(rows: readonly RelationshipRow[], keys: readonly string[]): unknown[][] {
  const out: unknown[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const { source, target, props } = rows[i]!;
    const row: unknown[] = [source, target];
    for (const key of keys) row.push(props[key] ?? null);
    out[i] = row;
  }
  return out;
}

/**
 * Whether every row of a batch has the very same properties, and some (rows without properties, the
 * relations without attributes, need no map at all: their keys are none).
 */
function sharesProperties(rows: readonly RelationshipRow[]): boolean {
  const first = rows[0]?.props;
  if (first === undefined || Object.keys(first).length === 0) return false;
  return rows.every((row) => row.props === first);
}

/** The parameters of a batch: its rows (or columns), and what every row shares. */
type BatchParams = Readonly<Record<string, unknown>>;

async function runBatch(
  session: Session,
  query: string,
  params: BatchParams,
  counters: WriteCounters,
): Promise<number>;
async function runBatch(
  session: Session,
  query: string,
  params: BatchParams,
  counters: WriteCounters,
  column: 'refs',
): Promise<unknown[]>;
async function runBatch(
  session: Session,
  query: string,
  params: BatchParams,
  counters: WriteCounters,
  column: 'done' | 'refs' = 'done',
): Promise<number | unknown[]> {
  const { value, summary } = await session.executeWrite(async (tx) => {
    const result = await tx.run(query, params);
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
