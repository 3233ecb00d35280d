import { type Metamodel, NotFoundError } from '@tracery/core';
import type { ManagedTransaction, Session } from 'neo4j-driver';
import { relationshipTypeMap } from '../cypher/relationship-type-map.js';
import type { GraphScope } from '../export/graph-scope.js';
import { expandLevel, type LevelStep, type LevelTypes, levelCypher } from './level-query.js';

/** How {@link walkLevels} goes on from each level, and how far. */
export type LevelWalk = {
  readonly frontier: readonly string[];
  readonly types: LevelTypes;
  /** Takes a level's steps by frontier element and returns the next frontier (empty: stop). */
  readonly next: (steps: ReadonlyMap<string, readonly LevelStep[]>, depth: number) => readonly string[];
  readonly maxDepth: number;
};

/**
 * A breadth-first walk in Neo4j, one query per level, the frontier its parameter. The bookkeeping
 * (what was reached, how) stays in the caller, so only the frontier travels: each level costs the
 * relations at its frontier, and a walk of any depth finishes.
 */
export async function walkLevels(
  tx: ManagedTransaction,
  scope: GraphScope,
  metamodel: Metamodel,
  walk: LevelWalk,
): Promise<void> {
  const text = levelCypher(scope, walk.types);
  if (text === undefined) return;
  const graphTypes = relationshipTypeMap(metamodel);
  let frontier = walk.frontier;
  for (let depth = 1; depth <= walk.maxDepth && frontier.length > 0; depth++) {
    frontier = walk.next(await expandLevel(tx, text, frontier, graphTypes), depth);
  }
}

/** The steps of the given types out of `ids`, in one query (empty when there is nothing to ask). */
export async function stepsOf(
  tx: ManagedTransaction,
  scope: GraphScope,
  metamodel: Metamodel,
  ids: readonly string[],
  types: LevelTypes,
): Promise<Map<string, LevelStep[]>> {
  const text = levelCypher(scope, types);
  if (text === undefined || ids.length === 0) return new Map();
  return expandLevel(tx, text, ids, relationshipTypeMap(metamodel));
}

/**
 * The kind and name of every id under the scope's label; throws {@link NotFoundError} naming the ids
 * the graph lacks.
 */
export async function seedElements(
  session: Session,
  scope: GraphScope,
  seeds: readonly string[],
): Promise<Map<string, { kind: string; name: string }>> {
  const query = `UNWIND $seeds AS id OPTIONAL MATCH (n:${scope.quotedLabel} {id: id}) RETURN id, n.kind AS kind, n.name AS name`;
  const result = await session.executeRead((tx) => tx.run(query, { seeds: [...seeds] }));
  const found = new Map<string, { kind: string; name: string }>();
  const missing: string[] = [];
  for (const record of result.records) {
    const kind = record.get('kind');
    const id = String(record.get('id'));
    if (kind === null || kind === undefined) missing.push(id);
    else found.set(id, { kind: String(kind), name: String(record.get('name') ?? '') });
  }
  if (missing.length > 0) {
    throw new NotFoundError(
      `element${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')} not found in Neo4j (label ${scope.label}).`,
    );
  }
  return found;
}
