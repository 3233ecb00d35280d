import { type ImpactOptions, type ImpactResult, InvalidArgumentError, type Metamodel } from '@tracery/core';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { type GraphScopeOptions, resolveScope } from '../export/graph-scope.js';
import { impactTables, NONE, typesOfCodes } from './impact-tables.js';
import { ImpactWalk } from './impact-walk.js';
import { seedElements, stepsOf, walkLevels } from './walk-levels.js';

/** Options of {@link queryImpact}: core's impact options, plus the scope. */
export type ImpactQueryOptions = GraphScopeOptions & ImpactOptions;

const TEST_KIND = 'TestCase';
const DOCUMENT_KIND = 'Artefact';

/**
 * What a change to `changed` impacts, answered from Neo4j: core's `computeImpact` result (the same
 * effects per direction, no-reversal rule, notify semantics, follow-ups and parties, the same
 * depths and paths), computed by one Cypher query per level of the walk with the frontier as a
 * parameter, then one query for the follow-ups' and one for the parties' relations. Unbounded walks
 * finish: a level costs the relations at its frontier.
 *
 * @example
 * const result = await queryImpact(driver, loaded.model.metamodel, ['DI-0023'], impactOptionsFromConfig(loaded.config));
 */
export async function queryImpact(
  target: Neo4jTarget,
  metamodel: Metamodel,
  changed: readonly string[],
  options: ImpactQueryOptions = {},
): Promise<ImpactResult> {
  if (!Array.isArray(changed) || changed.some((id) => typeof id !== 'string')) {
    throw new InvalidArgumentError('changed: expected an array of element ids.');
  }
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  if (!(maxDepth >= 0) || (Number.isFinite(maxDepth) && !Number.isInteger(maxDepth)))
    throw new InvalidArgumentError(
      `options.maxDepth: expected a whole number of hops, got ${options.maxDepth}.`,
    );
  const tables = impactTables(metamodel, options);
  const scope = resolveScope(options, 'READ');
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      const walk = new ImpactWalk(tables, await seedElements(session, scope, changed));
      return await session.executeRead(async (tx) => {
        await walkLevels(tx, scope, metamodel, {
          frontier: walk.frontierIds(),
          types: typesOfCodes(tables, (c) => tables.effect[c] !== NONE),
          next: (steps, depth) => walk.level(steps, depth),
          maxDepth,
        });
        const reached = walk.reached();
        const followed = reached.filter((id) => [TEST_KIND, DOCUMENT_KIND].includes(walk.kindOf(id)));
        // Read from a test or document: the relations whose reverse a notified element follows up by.
        const followUpSteps = await stepsOf(
          tx,
          scope,
          metamodel,
          followed,
          typesOfCodes(tables, (c) => tables.followUp[c ^ 1] === 1),
        );
        const partySteps = await stepsOf(
          tx,
          scope,
          metamodel,
          walk.actors(),
          typesOfCodes(tables, (c) => tables.actorCode[c] === 1),
        );
        return walk.result(
          walk.followUps(TEST_KIND, followUpSteps),
          walk.followUps(DOCUMENT_KIND, followUpSteps),
          walk.parties(partySteps),
        );
      });
    } catch (error) {
      throw describeNeo4jFailure(error, connection, 'running an impact query');
    } finally {
      await session.close();
    }
  });
}
