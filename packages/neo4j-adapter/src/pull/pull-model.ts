import { type Diagnostic, type Metamodel, Model } from '@tracery/core';
import type { ManagedTransaction } from 'neo4j-driver';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { relationshipTypeMap } from '../cypher/relationship-type-map.js';
import { type GraphScope, type GraphScopeOptions, resolveScope } from '../export/graph-scope.js';
import { elementFromProperties } from '../mapping/element-properties.js';
import { relationFromProperties } from '../mapping/relation-properties.js';

/** What {@link pullModel} read: the model, and the problems with what it could not read. */
export type PullResult = {
  readonly model: Model;
  /** Nodes without an id or kind, relationships of types the metamodel lacks, unreadable values; sorted. */
  readonly diagnostics: readonly Diagnostic[];
};

/**
 * Reads a model back from Neo4j: every node with the element label becomes an element, and every
 * relationship between two of them whose type stands for a relation type of the metamodel becomes a
 * relation. After {@link exportModel} the model read back equals the one exported.
 *
 * @example
 * const { model, diagnostics } = await pullModel(driver, defaultMetamodel());
 */
export async function pullModel(
  target: Neo4jTarget,
  metamodel: Metamodel,
  options: GraphScopeOptions = {},
): Promise<PullResult> {
  const scope = resolveScope(options, 'READ');
  const types = relationshipTypeMap(metamodel);
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      return await session.executeRead((tx) => readModel(tx, scope, metamodel, types));
    } catch (error) {
      throw describeNeo4jFailure(error, connection, 'reading the model');
    } finally {
      await session.close();
    }
  });
}

async function readModel(
  tx: ManagedTransaction,
  scope: GraphScope,
  metamodel: Metamodel,
  types: ReadonlyMap<string, string>,
): Promise<PullResult> {
  const model = new Model(metamodel);
  const diagnostics: Diagnostic[] = [];
  const problem = (code: string, message: string, elementId?: string) =>
    diagnostics.push(
      elementId === undefined
        ? { code, severity: 'error', message }
        : { code, severity: 'error', message, elementId },
    );
  for await (const record of tx.run(
    `MATCH (n:${scope.quotedLabel}) RETURN properties(n) AS props ORDER BY n.id`,
  )) {
    const reading = elementFromProperties(record.get('props'));
    if ('problem' in reading) problem('missing-field', reading.problem);
    else if (model.hasElement(reading.element.id))
      problem('duplicate-id', `two nodes have id "${reading.element.id}"`, reading.element.id);
    else {
      model.addElement(reading.element);
      for (const key of reading.unreadable) {
        problem(
          'invalid-value',
          `property "${key}" of node "${reading.element.id}" is not a value Tracery can hold; skipped`,
          reading.element.id,
        );
      }
    }
  }
  const query = `MATCH (s:${scope.quotedLabel})-[r]->(t:${scope.quotedLabel})
RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props ORDER BY source, type, target`;
  for await (const record of tx.run(query)) {
    const [source, type, target] = [record.get('source'), record.get('type'), record.get('target')].map(
      String,
    ) as [string, string, string];
    const relationType = types.get(type);
    if (relationType === undefined) {
      problem(
        'unknown-relation',
        `relationship ${source} -${type}-> ${target} has a type no relation type of the metamodel stands for; skipped`,
        source,
      );
      continue;
    }
    if (!model.hasElement(source) || !model.hasElement(target)) continue;
    const { relation, unreadable } = relationFromProperties(
      relationType,
      source,
      target,
      record.get('props'),
    );
    model.addRelation(relation);
    for (const key of unreadable) {
      problem(
        'invalid-value',
        `property "${key}" of relationship ${source} -${type}-> ${target} is not a value Tracery can hold; skipped`,
        source,
      );
    }
  }
  return {
    model,
    diagnostics: diagnostics.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)),
  };
}
