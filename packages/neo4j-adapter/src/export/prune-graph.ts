import type { Session } from 'neo4j-driver';
import { relationKeyOf } from './graph-keys.js';
import type { GraphScope } from './graph-scope.js';
import type { ExportPlan } from './plan-export.js';
import { addCounters, type WriteCounters } from './write-counters.js';

/** Reports how far the pruning has gone. */
export type PruneProgress = (done: number, total: number) => Promise<void>;

/**
 * Deletes the element nodes whose ids the plan does not hold (with their relationships), then the
 * relationships between the label's nodes that belong to the export and the plan does not hold, and
 * any duplicate of one it holds. The export owns a relationship between two nodes under its label
 * when its type stands for a relation type of the metamodel (`plan.ownedTypes`), or when it carries
 * an export's hash; relationships of other types, added by hand, stay.
 */
export async function pruneGraph(
  session: Session,
  scope: GraphScope,
  plan: ExportPlan,
  batchSize: number,
  counters: WriteCounters,
  progress: PruneProgress,
): Promise<void> {
  const wantedIds = new Set<string>();
  for (const rows of plan.nodes.values()) for (const row of rows) wantedIds.add(row.id);
  const nodeIds = await readColumn(
    session,
    `MATCH (n:${scope.quotedLabel}) WHERE n.id IS NOT NULL RETURN n.id AS v`,
  );
  const staleNodes = nodeIds.filter((id) => !wantedIds.has(String(id)));
  const wantedKeys = new Set<string>();
  for (const [type, rows] of plan.relationships)
    for (const row of rows) wantedKeys.add(relationKeyOf(row.source, type, row.target));
  const total = staleNodes.length + 1;
  await deleteInBatches(
    session,
    staleNodes,
    batchSize,
    counters,
    async (done) => progress(done, total),
    `UNWIND $ids AS id MATCH (n:${scope.quotedLabel} {id: id}) DETACH DELETE n`,
  );
  await runWrite(session, `MATCH (n:${scope.quotedLabel}) WHERE n.id IS NULL DETACH DELETE n`, {}, counters);
  const staleRelationships = await findStaleRelationships(session, scope, plan.ownedTypes, wantedKeys);
  await deleteInBatches(
    session,
    staleRelationships,
    batchSize,
    counters,
    async () => undefined,
    'UNWIND $ids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r',
  );
  await progress(total, total);
}

async function findStaleRelationships(
  session: Session,
  scope: GraphScope,
  types: readonly string[],
  wanted: ReadonlySet<string>,
): Promise<unknown[]> {
  const query = `MATCH (s:${scope.quotedLabel})-[r]->(t:${scope.quotedLabel})
WHERE type(r) IN $types OR r.__tracery_hash IS NOT NULL
RETURN elementId(r) AS rid, s.id AS source, type(r) AS type, t.id AS target`;
  return session.executeRead(async (tx) => {
    const seen = new Set<string>();
    const stale: unknown[] = [];
    for await (const record of tx.run(query, { types })) {
      const key = relationKeyOf(
        String(record.get('source')),
        String(record.get('type')),
        String(record.get('target')),
      );
      if (!wanted.has(key) || seen.has(key)) stale.push(record.get('rid'));
      seen.add(key);
    }
    return stale;
  });
}

async function readColumn(session: Session, query: string): Promise<unknown[]> {
  return session.executeRead(async (tx) => {
    const values: unknown[] = [];
    for await (const record of tx.run(query)) values.push(record.get('v'));
    return values;
  });
}

async function deleteInBatches(
  session: Session,
  ids: readonly unknown[],
  batchSize: number,
  counters: WriteCounters,
  progress: (done: number) => Promise<void>,
  query: string,
): Promise<void> {
  for (let start = 0; start < ids.length; start += batchSize) {
    await runWrite(session, query, { ids: ids.slice(start, start + batchSize) }, counters);
    await progress(Math.min(start + batchSize, ids.length));
  }
}

async function runWrite(
  session: Session,
  query: string,
  params: Record<string, unknown>,
  counters: WriteCounters,
) {
  const summary = await session.executeWrite(async (tx) => (await tx.run(query, params)).summary);
  addCounters(counters, summary.counters);
}
