import neo4j, { type Session } from 'neo4j-driver';
import { escapeName } from '../cypher/cypher-name.js';
import { Neo4jQueryError } from '../errors/neo4j-errors.js';
import type { GraphScope } from './graph-scope.js';
import type { NodeRow, RelationshipRow } from './plan-export.js';
import { addCounters, type WriteCounters } from './write-counters.js';

/** What one batch did: rows created and updated (the rest were unchanged), and nodes whose kind changed. */
export type BatchOutcome = {
  readonly created: number;
  readonly updated: number;
  readonly relabel: readonly { readonly id: string; readonly kind: string }[];
};

const CHANGED = 'oldHash IS NULL OR oldHash <> row.hash';
const COUNTS = `sum(CASE WHEN oldHash IS NULL THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN oldHash IS NOT NULL AND oldHash <> row.hash THEN 1 ELSE 0 END) AS updated`;

/**
 * The Cypher that writes one batch of nodes of one kind. A row whose hash matches the node's is not
 * written at all, which is what makes a second run change nothing.
 */
export function nodeUpsertQuery(scope: GraphScope, kind: string): string {
  return `UNWIND $rows AS row
MERGE (n:${scope.quotedLabel} {id: row.id})
WITH n, row, n.__tracery_hash AS oldHash, n.kind AS oldKind
FOREACH (_ IN CASE WHEN ${CHANGED} THEN [1] ELSE [] END | SET n = row.props, n:${escapeName(kind, 'label')})
RETURN ${COUNTS},
  collect(CASE WHEN oldKind IS NOT NULL AND oldKind <> $kind THEN {id: row.id, kind: oldKind} END) AS relabel`;
}

/**
 * The Cypher that writes one batch of relationships of one type between existing nodes. A relation
 * without attributes has no hash (`row.hash` null) and is written with no properties, so a new
 * relationship cannot be told from an old one by its hash: a new one takes its properties on
 * creation, and afterwards every row compares its stored hash with the row's, a missing hash
 * equal to a null one. Created relationships are counted from the write counters.
 */
export function relationshipUpsertQuery(scope: GraphScope, graphType: string): string {
  const changed = `coalesce(r.__tracery_hash, '') <> coalesce(row.hash, '')`;
  return `UNWIND $rows AS row
MATCH (s:${scope.quotedLabel} {id: row.source})
MATCH (t:${scope.quotedLabel} {id: row.target})
MERGE (s)-[r:${escapeName(graphType, 'relationship type')}]->(t)
ON CREATE SET r = row.props
WITH r, row, ${changed} AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS matched, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated`;
}

/** Writes one batch of nodes of one kind in its own transaction. */
export async function upsertNodes(
  session: Session,
  scope: GraphScope,
  kind: string,
  rows: readonly NodeRow[],
  counters: WriteCounters,
): Promise<BatchOutcome> {
  const query = nodeUpsertQuery(scope, kind);
  const { record, summary } = await session.executeWrite(async (tx) => {
    // Plain maps: a planned row computes its hash on first read, and the driver sends own fields only.
    const params = rows.map(({ id, hash, props }) => ({ id, hash, props }));
    const result = await tx.run(query, { rows: params, kind });
    return { record: result.records[0], summary: result.summary };
  });
  addCounters(counters, summary.counters);
  return {
    created: toNumber(record?.get('created')),
    updated: toNumber(record?.get('updated')),
    relabel: (record?.get('relabel') ?? []) as BatchOutcome['relabel'],
  };
}

/** Writes one batch of relationships of one type in its own transaction; both ends must exist. */
export async function upsertRelationships(
  session: Session,
  scope: GraphScope,
  graphType: string,
  rows: readonly RelationshipRow[],
  counters: WriteCounters,
): Promise<BatchOutcome> {
  const query = relationshipUpsertQuery(scope, graphType);
  const { record, summary } = await session.executeWrite(async (tx) => {
    const result = await tx.run(query, { rows });
    return { record: result.records[0], summary: result.summary };
  });
  addCounters(counters, summary.counters);
  const matched = toNumber(record?.get('matched'));
  if (matched < rows.length) {
    throw new Neo4jQueryError(
      `model: ${rows.length - matched} ${graphType} relationship(s) could not find their end nodes; was the graph changed during the export?`,
    );
  }
  return {
    created: summary.counters.updates().relationshipsCreated,
    updated: toNumber(record?.get('updated')),
    relabel: [],
  };
}

/** Removes the old kind label of nodes whose kind changed (never the element label itself). */
export async function removeOldKindLabels(
  session: Session,
  scope: GraphScope,
  relabel: readonly { readonly id: string; readonly kind: string }[],
  counters: WriteCounters,
): Promise<void> {
  const byKind = new Map<string, string[]>();
  for (const { id, kind } of relabel) {
    if (kind === scope.label) continue;
    const group = byKind.get(kind);
    if (group) group.push(id);
    else byKind.set(kind, [id]);
  }
  for (const [kind, ids] of byKind) {
    const query = `UNWIND $ids AS id MATCH (n:${scope.quotedLabel} {id: id}) WHERE n.kind <> $kind REMOVE n:${escapeName(kind, 'label')}`;
    const summary = await session.executeWrite(async (tx) => (await tx.run(query, { ids, kind })).summary);
    addCounters(counters, summary.counters);
  }
}

/** A count from Neo4j (an `Integer` or a number) as a JS number. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : 0;
}
