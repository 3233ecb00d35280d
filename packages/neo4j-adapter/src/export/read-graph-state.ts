import type { Session } from 'neo4j-driver';
import { relationKeyOf } from './graph-keys.js';
import type { GraphScope } from './graph-scope.js';

/** A node already in the graph: its kind and content hash (null when no export wrote it). */
export type NodeState = { readonly kind: unknown; readonly hash: unknown };

/**
 * What the graph under a scope's label holds before an export writes: each node by id, and each
 * relationship between them by {@link relationKeyOf} with its hash (null for one added by hand).
 */
export type GraphState = {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly relationships: ReadonlyMap<string, unknown>;
};

/**
 * Reads the ids, kinds and hashes of a scope's nodes and the keys and hashes of the relationships
 * between them, streaming (one read transaction).
 */
export async function readGraphState(session: Session, scope: GraphScope): Promise<GraphState> {
  const label = scope.quotedLabel;
  // One record per node, its outgoing relationships collected into a list: the driver's cost is per
  // record, so this reads a graph about twice as fast as one record per relationship.
  const query = `MATCH (s:${label}) WHERE s.id IS NOT NULL
CALL (s) {
  MATCH (s)-[r]->(t:${label}) WHERE t.id IS NOT NULL
  RETURN collect([type(r), t.id, r.__tracery_hash]) AS out
}
RETURN s.id AS id, s.kind AS kind, s.__tracery_hash AS hash, out`;
  return session.executeRead(async (tx) => {
    const nodes = new Map<string, NodeState>();
    const relationships = new Map<string, unknown>();
    for await (const record of tx.run(query)) {
      const id = String(record.get('id'));
      nodes.set(id, { kind: record.get('kind'), hash: record.get('hash') });
      for (const [type, target, hash] of record.get('out') as [unknown, unknown, unknown][]) {
        const key = relationKeyOf(id, String(type), String(target));
        // A hash wins over a null: a hand-made twin must not make an exported relationship look changed.
        if (relationships.get(key) == null) relationships.set(key, hash);
      }
    }
    return { nodes, relationships };
  });
}
