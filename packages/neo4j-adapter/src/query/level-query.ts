import type { ManagedTransaction } from 'neo4j-driver';
import { escapeName, relationshipTypeOf } from '../cypher/cypher-name.js';
import type { GraphScope } from '../export/graph-scope.js';

/** The relation types (metamodel names) a level crosses source -> target, and target -> source. */
export type LevelTypes = { readonly forward: ReadonlySet<string>; readonly backward: ReadonlySet<string> };

/** One relation leaving a frontier element: its type (metamodel name), the way it is crossed, the far end. */
export type LevelStep = {
  readonly from: string;
  readonly type: string;
  readonly forward: boolean;
  readonly to: string;
  readonly kind: string;
  readonly name: string;
};

/**
 * The Cypher of one level of a breadth-first walk: for each id of `$frontier`, every relationship of
 * the given types leaving it the given way, with the far end's id and kind, collected per frontier
 * element (the driver's cost is per record). The text depends only on the label and the type sets, so
 * the server plans it once per walk; the frontier is a parameter. Relationship types are in the
 * pattern (quoted), so the planner expands only those, from the id index's seek.
 *
 * @example
 * levelCypher(scope, { forward: new Set(['partOf']), backward: new Set() })
 */
export function levelCypher(scope: GraphScope, types: LevelTypes): string | undefined {
  const L = scope.quotedLabel;
  const branch = (names: ReadonlySet<string>, arrow: (rel: string) => string, forward: boolean) => {
    if (names.size === 0) return undefined;
    const quoted = [...names]
      .map(relationshipTypeOf)
      .sort()
      .map((type) => escapeName(type, 'relationship type'))
      .join('|');
    return `MATCH ${arrow(`[r:${quoted}]`)}
  WHERE b.id IS NOT NULL
  RETURN type(r) AS type, ${forward} AS forward, b.id AS to, b.kind AS kind, b.name AS name`;
  };
  const parts = [
    branch(types.forward, (rel) => `(a)-${rel}->(b:${L})`, true),
    branch(types.backward, (rel) => `(a)<-${rel}-(b:${L})`, false),
  ].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return undefined;
  return `UNWIND $frontier AS fid
MATCH (a:${L} {id: fid})
CALL (a) {
  ${parts.join('\n  UNION ALL\n  ')}
}
RETURN fid AS from, collect([type, forward, to, kind, name]) AS steps`;
}

/**
 * Runs one level: the steps leaving each frontier element, by frontier id. `graphTypes` maps the
 * graph's relationship types back to the metamodel's names.
 */
export async function expandLevel(
  tx: ManagedTransaction,
  text: string,
  frontier: readonly string[],
  graphTypes: ReadonlyMap<string, string>,
): Promise<Map<string, LevelStep[]>> {
  const out = new Map<string, LevelStep[]>();
  const result = await tx.run(text, { frontier: [...frontier] });
  for (const record of result.records) {
    const from = String(record.get('from'));
    const steps: LevelStep[] = [];
    for (const [type, forward, to, kind, name] of record.get('steps') as [
      string,
      boolean,
      unknown,
      unknown,
      unknown,
    ][]) {
      const step = { from, type: graphTypes.get(type) ?? type, forward, to: String(to), kind: String(kind) };
      steps.push({ ...step, name: name === null || name === undefined ? '' : String(name) });
    }
    out.set(from, steps);
  }
  return out;
}
