import type { Session } from 'neo4j-driver';
import { contentHash } from '../mapping/attribute-properties.js';
import { relationKeyOf } from './graph-keys.js';
import type { GraphScope } from './graph-scope.js';
import { NodeRefs } from './node-refs.js';

/** A node already in the graph: its kind and content hash (null when no export wrote it). */
export type NodeState = { readonly kind: unknown; readonly hash: unknown };

/**
 * What the graph under a scope's label holds before an export writes: each node by id, and each
 * relationship between them by {@link relationKeyOf} with its hash (null for one without: a relation
 * without attributes is written with no properties).
 */
export type GraphState = {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly relationships: ReadonlyMap<string, unknown>;
  /**
   * The element id (Neo4j's `elementId`) of each node by its Tracery id: the export adds those of
   * the nodes it creates, and finds the ends of new relationships by them (see {@link NodeRefs}).
   */
  readonly refs: NodeRefs;
};

/**
 * Reads the ids, kinds and hashes of a scope's nodes and the keys and hashes of the relationships
 * between them, streaming (one read transaction). With `verify`, the hashes are not the ones stored
 * on the rows but computed here from the properties read back (and a node that lost its kind label
 * gets none), so whatever was edited in the database differs from the model and is written again.
 */
export async function readGraphState(
  session: Session,
  scope: GraphScope,
  verify = false,
): Promise<GraphState> {
  const query = verify ? verifyQuery(scope) : storedHashQuery(scope);
  return session.executeRead(async (tx) => {
    const nodes = new Map<string, NodeState>();
    const relationships = new Map<string, unknown>();
    const refs = new NodeRefs();
    for await (const record of tx.run(query)) {
      const id = String(record.get('id'));
      refs.set(id, String(record.get('ref')));
      const kind = record.get('kind');
      const hash = verify
        ? verifiedNodeHash(record.get('props'), record.get('labels'), kind)
        : record.get('hash');
      nodes.set(id, { kind, hash });
      for (const [type, target, value] of record.get('out') as [unknown, unknown, unknown][]) {
        const key = relationKeyOf(id, String(type), String(target));
        const relHash = verify ? verifiedRelationshipHash(value) : value;
        // A hash wins over a null: a twin without properties must not make a relationship with attributes look changed.
        if (relationships.get(key) == null) relationships.set(key, relHash);
      }
    }
    return { nodes, relationships, refs };
  });
}

// One record per node, its outgoing relationships collected into a list: the driver's cost is per
// record, so this reads a graph about twice as fast as one record per relationship.
function storedHashQuery(scope: GraphScope): string {
  const label = scope.quotedLabel;
  return `MATCH (s:${label}) WHERE s.id IS NOT NULL
CALL (s) {
  MATCH (s)-[r]->(t:${label}) WHERE t.id IS NOT NULL
  RETURN collect([type(r), t.id, r.__tracery_hash]) AS out
}
RETURN s.id AS id, elementId(s) AS ref, s.kind AS kind, s.__tracery_hash AS hash, out`;
}

function verifyQuery(scope: GraphScope): string {
  const label = scope.quotedLabel;
  return `MATCH (s:${label}) WHERE s.id IS NOT NULL
CALL (s) {
  MATCH (s)-[r]->(t:${label}) WHERE t.id IS NOT NULL
  RETURN collect([type(r), t.id, properties(r)]) AS out
}
RETURN s.id AS id, elementId(s) AS ref, s.kind AS kind, labels(s) AS labels, properties(s) AS props, out`;
}

function verifiedNodeHash(props: unknown, labels: unknown, kind: unknown): string | null {
  if (typeof kind !== 'string' || !Array.isArray(labels) || !labels.includes(kind)) return null;
  return contentHash(props as Record<string, unknown>);
}

function verifiedRelationshipHash(props: unknown): string | null {
  const properties = props as Record<string, unknown>;
  // No properties at all is what a relation without attributes is written as (its plan row's hash is
  // null); any property, a hash or one added by hand, is content to compare with the model's.
  for (const _ in properties) return contentHash(properties);
  return null;
}
