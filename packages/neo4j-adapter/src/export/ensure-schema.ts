import type { Session } from 'neo4j-driver';
import { escapeName } from '../cypher/cypher-name.js';
import type { GraphScope } from './graph-scope.js';

/**
 * The Cypher that creates the uniqueness constraint on the element id and the indexes on kind and
 * name for a scope's label; each statement is idempotent (`IF NOT EXISTS`).
 */
export function schemaStatements(scope: GraphScope): string[] {
  const name = (what: string) => escapeName(`tracery_${scope.label}_${what}`, 'schema name');
  const label = scope.quotedLabel;
  return [
    `CREATE CONSTRAINT ${name('id')} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    `CREATE INDEX ${name('kind')} IF NOT EXISTS FOR (n:${label}) ON (n.kind)`,
    `CREATE INDEX ${name('name')} IF NOT EXISTS FOR (n:${label}) ON (n.name)`,
  ];
}

/** Creates the constraint and indexes of a scope (schema changes cannot share a transaction with data). */
export async function ensureSchema(session: Session, scope: GraphScope): Promise<void> {
  for (const statement of schemaStatements(scope)) {
    await session.executeWrite((tx) => tx.run(statement));
  }
  await session.executeWrite((tx) => tx.run('CALL db.awaitIndexes(300)'));
}
