import { InvalidArgumentError, type Metamodel } from '@tracery/core';
import { escapeName, relationshipTypeOf } from '../cypher/cypher-name.js';
import type { GraphScope } from '../export/graph-scope.js';

/** A Cypher query and its parameters. Names are in the text (quoted); every value is a parameter. */
export type CypherQuery = { readonly text: string; readonly params: Readonly<Record<string, unknown>> };

/** Which way a trace follows relations, as the in-memory trace has it: as written, backwards, or both. */
export type TraceDirection = 'out' | 'in' | 'both';

/** Options of a trace, the same as the in-memory trace's. */
export type TraceCypherOptions = {
  /** Relation names to follow (type names or inverse names); all when left out. */
  readonly types?: readonly string[];
  /** Only report elements of these kinds (the walk still passes through the others). */
  readonly kinds?: readonly string[];
  /** Override the way relations are followed. */
  readonly direction?: TraceDirection;
  /** How many relations away to go at most; no bound when left out. */
  readonly maxDepth?: number;
};

/** Options of an impact run, the same as the in-memory impact's that bear on which elements are reached. */
export type ImpactCypherOptions = {
  readonly maxDepth?: number;
  /** Follow only these relation types (type or inverse names). */
  readonly types?: readonly string[];
  /** Never follow these relation types (type or inverse names). */
  readonly skipTypes?: readonly string[];
  /** Elements of these kinds are reported, but a change does not go on through them. */
  readonly stopAtKinds?: readonly string[];
};

/** The relation types (forward names) a walk crosses from source to target, and from target to source. */
type Steps = { readonly forward: ReadonlySet<string>; readonly backward: ReadonlySet<string> };

/**
 * The Cypher for a trace from `start` (`out` downstream, `in` upstream): every element reached, other
 * than the start, with its kind and shortest distance. An inverse name crosses its type backwards.
 * Undefined when nothing can be reached (no type to follow, or `maxDepth` 0).
 *
 * @example
 * traceCypher(defaultMetamodel(), scope, 'out', 'BP001', { types: ['partOf'], maxDepth: 2 })
 */
export function traceCypher(
  metamodel: Metamodel,
  scope: GraphScope,
  direction: TraceDirection,
  start: string,
  options: TraceCypherOptions = {},
): CypherQuery | undefined {
  checkKinds(metamodel, options.kinds, 'options.kinds');
  const steps = traceSteps(metamodel, options.types, options.direction ?? direction);
  const kinds = options.kinds === undefined ? null : [...options.kinds];
  return walkCypher(scope, [start], steps, { maxDepth: options.maxDepth, kinds, stopAtKinds: [] });
}

/**
 * The Cypher for an impact run from `changed`: a change at X reaches Y across X -r-> Y when r's type
 * propagates `both` or `source-to-target`, and across Y -r-> X when it propagates `both` or
 * `target-to-source`; `none` stops it. The directions come from the metamodel, so an extension
 * changes the query without code. Undefined when nothing can be reached.
 *
 * @example
 * impactCypher(defaultMetamodel(), scope, ['CR042'], { maxDepth: 4 })
 */
export function impactCypher(
  metamodel: Metamodel,
  scope: GraphScope,
  changed: readonly string[],
  options: ImpactCypherOptions = {},
): CypherQuery | undefined {
  const only =
    options.types === undefined
      ? undefined
      : new Set(options.types.map((t) => typeName(metamodel, t, 'options.types')));
  const skip = new Set((options.skipTypes ?? []).map((t) => typeName(metamodel, t, 'options.skipTypes')));
  checkKinds(metamodel, options.stopAtKinds, 'options.stopAtKinds');
  const forward = new Set<string>();
  const backward = new Set<string>();
  for (const def of metamodel.relationTypes.values()) {
    if ((only !== undefined && !only.has(def.name)) || skip.has(def.name)) continue;
    // Interim, until the Cypher walk follows effects (propagate, notify, follow-ups, no reversal):
    // a direction whose effect is not `none` is crossed.
    if (def.impact.forward !== 'none') forward.add(def.name);
    if (def.impact.backward !== 'none') backward.add(def.name);
  }
  return walkCypher(
    scope,
    changed,
    { forward, backward },
    {
      maxDepth: options.maxDepth,
      kinds: null,
      stopAtKinds: [...(options.stopAtKinds ?? [])],
    },
  );
}

function traceSteps(
  metamodel: Metamodel,
  names: readonly string[] | undefined,
  direction: TraceDirection,
): Steps {
  const all = [...metamodel.relationTypes.keys()];
  const forward = new Set<string>();
  const backward = new Set<string>();
  const resolved =
    names === undefined
      ? all.map((name) => ({ name, inverse: false }))
      : names.map((n) => resolveName(metamodel, n));
  for (const { name, inverse } of resolved) {
    if (direction !== 'in') (inverse ? backward : forward).add(name);
    if (direction !== 'out') (inverse ? forward : backward).add(name);
  }
  return { forward, backward };
}

type Walk = {
  readonly maxDepth: number | undefined;
  readonly kinds: string[] | null;
  readonly stopAtKinds: string[];
};

function walkCypher(
  scope: GraphScope,
  seeds: readonly string[],
  steps: Steps,
  walk: Walk,
): CypherQuery | undefined {
  const bound = depthBound(walk.maxDepth);
  const types = new Set([...steps.forward, ...steps.backward]);
  if (types.size === 0 || bound === '0') return undefined;
  const L = scope.quotedLabel;
  const typeList = [...types].sort().map((type) => escapeName(relationshipTypeOf(type), 'relationship type'));
  const text = `UNWIND $seeds AS seedId
MATCH (s:${L} {id: seedId})
MATCH p = ANY SHORTEST (s)((a:${L})-[r:${typeList.join('|')}]-(b:${L})
  WHERE ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
    AND (a.id IN $seeds OR NOT a.kind IN $stopAtKinds)){1,${bound}}(n:${L})
WHERE NOT n.id IN $seeds AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id, n.kind AS kind, min(length(p)) AS depth`;
  const graphTypes = (set: ReadonlySet<string>) => [...set].map(relationshipTypeOf);
  return {
    text,
    params: {
      seeds: [...seeds],
      forward: graphTypes(steps.forward),
      backward: graphTypes(steps.backward),
      stopAtKinds: walk.stopAtKinds,
      kinds: walk.kinds,
    },
  };
}

function depthBound(maxDepth: number | undefined): string {
  if (maxDepth === undefined) return '';
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 10_000) {
    throw new InvalidArgumentError(
      `options.maxDepth: expected a whole number from 0 to 10000, got ${maxDepth}.`,
    );
  }
  return String(maxDepth);
}

function resolveName(metamodel: Metamodel, name: string): { name: string; inverse: boolean } {
  const resolved = metamodel.relationNames.get(name);
  if (!resolved) throw new InvalidArgumentError(`options.types: unknown relation name "${name}".`);
  return { name: resolved.type.name, inverse: resolved.inverse };
}

function typeName(metamodel: Metamodel, name: string, argument: string): string {
  const resolved = metamodel.relationNames.get(name);
  if (!resolved) throw new InvalidArgumentError(`${argument}: unknown relation name "${name}".`);
  return resolved.type.name;
}

function checkKinds(metamodel: Metamodel, kinds: readonly string[] | undefined, argument: string): void {
  for (const kind of kinds ?? []) {
    if (!metamodel.kinds.has(kind)) throw new InvalidArgumentError(`${argument}: unknown kind "${kind}".`);
  }
}
