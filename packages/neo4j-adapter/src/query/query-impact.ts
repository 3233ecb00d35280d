import { InvalidArgumentError, type Metamodel } from '@tracery/core';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { type GraphScopeOptions, resolveScope } from '../export/graph-scope.js';
import { toNumber } from '../export/upsert-rows.js';
import { type ImpactCypherOptions, impactCypher } from './trace-cypher.js';
import { seedElements } from './walk-levels.js';

/** An element an impact run reached: its id, kind, and shortest distance from a changed element. */
export type ImpactHit = { readonly id: string; readonly kind: string; readonly depth: number };

/** Options of {@link queryImpact}: the in-memory impact's that decide what is reached, plus the scope. */
export type ImpactQueryOptions = GraphScopeOptions & ImpactCypherOptions;

/**
 * The elements a change to `changed` impacts, by the metamodel's propagation rules, with the
 * shortest distance from any changed element, sorted by id. The changed elements are not listed.
 *
 * @example
 * await queryImpact(driver, defaultMetamodel(), ['DI-0102'], { maxDepth: 5 })
 */
export async function queryImpact(
  target: Neo4jTarget,
  metamodel: Metamodel,
  changed: readonly string[],
  options: ImpactQueryOptions = {},
): Promise<ImpactHit[]> {
  if (!Array.isArray(changed) || changed.some((id) => typeof id !== 'string')) {
    throw new InvalidArgumentError('changed: expected an array of element ids.');
  }
  const scope = resolveScope(options, 'READ');
  const query = impactCypher(metamodel, scope, changed, options);
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      await seedElements(session, scope, changed);
      if (query === undefined) return [];
      const result = await session.executeRead((tx) => tx.run(query.text, query.params));
      const hits = result.records.map((record) => ({
        id: String(record.get('id')),
        kind: String(record.get('kind')),
        depth: toNumber(record.get('depth')),
      }));
      return hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    } catch (error) {
      throw describeNeo4jFailure(error, connection, 'running an impact query');
    } finally {
      await session.close();
    }
  });
}
