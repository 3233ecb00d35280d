import { createHash } from 'node:crypto';
import type { Session } from 'neo4j-driver';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { HASH_PROPERTY } from '../mapping/attribute-properties.js';
import { canonicalProperties, canonicalValue } from '../mapping/property-value.js';
import { type GraphScope, type GraphScopeOptions, resolveScope } from './graph-scope.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A SHA-256 over the content of a scope's graph: every element node with its labels and properties,
 * and every relationship between them with its type and properties, in a canonical order. Two graphs
 * have the same hash exactly when they hold the same things (integers and floats told apart), so a
 * second export that changes nothing leaves it as it was.
 *
 * @example
 * const before = await graphHash(driver); await exportModel(driver, model); (await graphHash(driver)) === before
 */
export async function graphHash(target: Neo4jTarget, options: GraphScopeOptions = {}): Promise<string> {
  const scope = resolveScope(options, 'READ');
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      return await hashGraph(session, scope);
    } catch (error) {
      throw describeNeo4jFailure(error, connection, 'reading the graph to hash it');
    } finally {
      await session.close();
    }
  });
}

/** Computes the hash of {@link graphHash} in an open session. */
export async function hashGraph(session: Session, scope: GraphScope): Promise<string> {
  const nodes = `MATCH (n:${scope.quotedLabel}) RETURN labels(n) AS labels, properties(n) AS props`;
  const relationships = `MATCH (s:${scope.quotedLabel})-[r]->(t:${scope.quotedLabel})
RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props`;
  const lines = await session.executeRead(async (tx) => {
    const out: string[] = [];
    for await (const record of tx.run(nodes)) {
      const labels = (record.get('labels') as string[]).sort(byText);
      out.push(`N${canonicalValue(labels)}${canonicalProperties(record.get('props'), HASH_PROPERTY)}`);
    }
    for await (const record of tx.run(relationships)) {
      const ends = [record.get('source'), record.get('type'), record.get('target')]
        .map(canonicalValue)
        .join(' ');
      out.push(`R${ends}${canonicalProperties(record.get('props'), HASH_PROPERTY)}`);
    }
    return out;
  });
  const hash = createHash('sha256');
  for (const line of lines.sort(byText)) hash.update(`${line}\n`);
  return hash.digest('hex');
}
