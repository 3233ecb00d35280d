import { InvalidArgumentError, type Metamodel, NotFoundError } from '@tracery/core';
import type { Session } from 'neo4j-driver';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { type GraphScope, type GraphScopeOptions, resolveScope } from '../export/graph-scope.js';
import { toNumber } from '../export/upsert-rows.js';
import {
  type CypherQuery,
  type ImpactCypherOptions,
  impactCypher,
  type TraceCypherOptions,
  type TraceDirection,
  traceCypher,
} from './trace-cypher.js';

/**
 * An element a trace or impact run reached: its id, kind, and shortest distance in relations from
 * the start. The in-memory results carry these too (with a path), so the two compare directly.
 */
export type TraceHit = { readonly id: string; readonly kind: string; readonly depth: number };

/** Options of {@link queryDownstream} and {@link queryUpstream}: the in-memory trace's, plus the scope. */
export type TraceQueryOptions = GraphScopeOptions & TraceCypherOptions;

/** Options of {@link queryImpact}: the in-memory impact's that decide what is reached, plus the scope. */
export type ImpactQueryOptions = GraphScopeOptions & ImpactCypherOptions;

/**
 * The elements downstream of `id` in Neo4j (following relations from source to target), sorted by id.
 *
 * @example
 * await queryDownstream(driver, defaultMetamodel(), 'BP001', { types: ['hasPart'], maxDepth: 2 })
 */
export function queryDownstream(
  target: Neo4jTarget,
  metamodel: Metamodel,
  id: string,
  options: TraceQueryOptions = {},
): Promise<TraceHit[]> {
  return queryTrace(target, metamodel, 'out', id, options);
}

/**
 * The elements upstream of `id` in Neo4j (following relations from target to source), sorted by id.
 *
 * @example
 * await queryUpstream(driver, defaultMetamodel(), 'REQ-1', { types: ['satisfies', 'verifies'] })
 */
export function queryUpstream(
  target: Neo4jTarget,
  metamodel: Metamodel,
  id: string,
  options: TraceQueryOptions = {},
): Promise<TraceHit[]> {
  return queryTrace(target, metamodel, 'in', id, options);
}

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
): Promise<TraceHit[]> {
  if (!Array.isArray(changed) || changed.some((id) => typeof id !== 'string')) {
    throw new InvalidArgumentError('changed: expected an array of element ids.');
  }
  const scope = resolveScope(options, 'READ');
  const query = impactCypher(metamodel, scope, changed, options);
  return runTrace(target, scope, changed, query, 'running an impact query');
}

async function queryTrace(
  target: Neo4jTarget,
  metamodel: Metamodel,
  direction: TraceDirection,
  id: string,
  options: TraceQueryOptions,
): Promise<TraceHit[]> {
  if (typeof id !== 'string' || id === '') throw new InvalidArgumentError('id: expected an element id.');
  const scope = resolveScope(options, 'READ');
  const query = traceCypher(metamodel, scope, direction, id, options);
  return runTrace(
    target,
    scope,
    [id],
    query,
    `tracing ${direction === 'out' ? 'downstream' : 'upstream'} of "${id}"`,
  );
}

async function runTrace(
  target: Neo4jTarget,
  scope: GraphScope,
  seeds: readonly string[],
  query: CypherQuery | undefined,
  doing: string,
): Promise<TraceHit[]> {
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      await checkSeedsExist(session, scope, seeds);
      if (query === undefined) return [];
      const result = await session.executeRead((tx) => tx.run(query.text, query.params));
      const hits = result.records.map((record) => ({
        id: String(record.get('id')),
        kind: String(record.get('kind')),
        depth: toNumber(record.get('depth')),
      }));
      return hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    } catch (error) {
      throw describeNeo4jFailure(error, connection, doing);
    } finally {
      await session.close();
    }
  });
}

async function checkSeedsExist(session: Session, scope: GraphScope, seeds: readonly string[]): Promise<void> {
  const query = `UNWIND $seeds AS id OPTIONAL MATCH (n:${scope.quotedLabel} {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missing`;
  const result = await session.executeRead((tx) => tx.run(query, { seeds: [...seeds] }));
  const missing = (result.records[0]?.get('missing') ?? []) as string[];
  if (missing.length > 0) {
    throw new NotFoundError(
      `element${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')} not found in Neo4j (label ${scope.label}).`,
    );
  }
}
