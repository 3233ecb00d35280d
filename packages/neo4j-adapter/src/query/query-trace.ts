import { InvalidArgumentError, type Metamodel, type PathStep, type TraceHit } from '@tracery/core';
import { type Neo4jTarget, withConnection } from '../connection/connection.js';
import { describeNeo4jFailure } from '../connection/describe-failure.js';
import { type GraphScopeOptions, resolveScope } from '../export/graph-scope.js';
import type { LevelStep, LevelTypes } from './level-query.js';
import { seedElements, walkLevels } from './walk-levels.js';

export type { TraceHit } from '@tracery/core';

/** Which way a trace follows relations, as the in-memory trace has it: as written, backwards, or both. */
export type TraceDirection = 'out' | 'in' | 'both';

/** Options of {@link queryDownstream} and {@link queryUpstream}: the in-memory trace's, plus the scope. */
export type TraceQueryOptions = GraphScopeOptions & {
  /** Relation names to follow (type names or inverse names); all when left out. */
  readonly types?: readonly string[];
  /** Only report elements of these kinds (the walk still passes through the others). */
  readonly kinds?: readonly string[];
  /** Override the way relations are followed. */
  readonly direction?: TraceDirection;
  /** How many relations away to go at most; no bound when left out. */
  readonly maxDepth?: number;
};

/**
 * The elements downstream of `id` in Neo4j (following relations as they read from it), sorted by id,
 * each with its depth and the path that reached it first: the in-memory `traceDownstream`'s answer,
 * computed by one Cypher query per level of the walk.
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
 * The elements upstream of `id` in Neo4j (following relations backwards), sorted by id: the
 * in-memory `traceUpstream`'s answer.
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

async function queryTrace(
  target: Neo4jTarget,
  metamodel: Metamodel,
  direction: TraceDirection,
  id: string,
  options: TraceQueryOptions,
): Promise<TraceHit[]> {
  if (typeof id !== 'string' || id === '') throw new InvalidArgumentError('id: expected an element id.');
  for (const kind of options.kinds ?? []) {
    if (!metamodel.kinds.has(kind)) throw new InvalidArgumentError(`options.kinds: unknown kind "${kind}".`);
  }
  const maxDepth = checkDepth(options.maxDepth);
  const types = traceTypes(metamodel, options.types, options.direction ?? direction);
  const scope = resolveScope(options, 'READ');
  return withConnection(target, async (connection) => {
    const session = connection.driver.session(scope.session);
    try {
      await seedElements(session, scope, [id]);
      const walk = new TraceWalk(metamodel, id);
      await session.executeRead((tx) =>
        walkLevels(tx, scope, metamodel, {
          frontier: [id],
          types,
          next: (steps, depth) => walk.level(steps, depth),
          maxDepth,
        }),
      );
      return walk.hits(options.kinds);
    } catch (error) {
      const doing = `tracing ${direction === 'out' ? 'downstream' : 'upstream'} of "${id}"`;
      throw describeNeo4jFailure(error, connection, doing);
    } finally {
      await session.close();
    }
  });
}

/**
 * The bookkeeping of a trace, as the in-memory walk keeps it: each element once, at its smallest
 * depth, reached by the first step that gets there when the frontier is taken in the order it was
 * reached and each element's steps in name, then id order, so the paths are the in-memory ones.
 */
class TraceWalk {
  private readonly reachedBy = new Map<string, PathStep | undefined>();
  private readonly found = new Map<string, { kind: string; depth: number }>();
  private frontier: string[];

  constructor(
    private readonly metamodel: Metamodel,
    start: string,
  ) {
    this.reachedBy.set(start, undefined);
    this.frontier = [start];
  }

  level(steps: ReadonlyMap<string, readonly LevelStep[]>, depth: number): string[] {
    const next: string[] = [];
    for (const from of this.frontier) {
      const named = (steps.get(from) ?? []).map((step) => ({ step, name: this.nameOf(step) }));
      named.sort((a, b) => compare(a.name, b.name) || compare(a.step.to, b.step.to));
      for (const { step } of named) {
        if (this.reachedBy.has(step.to)) continue;
        const direction = step.forward ? 'forward' : 'backward';
        this.reachedBy.set(step.to, { from, relation: step.type, to: step.to, direction });
        this.found.set(step.to, { kind: step.kind, depth });
        next.push(step.to);
      }
    }
    this.frontier = next;
    return next;
  }

  hits(kinds: readonly string[] | undefined): TraceHit[] {
    const wanted = kinds === undefined ? undefined : new Set(kinds);
    const hits: TraceHit[] = [];
    for (const [id, { kind, depth }] of this.found) {
      if (wanted !== undefined && !wanted.has(kind)) continue;
      hits.push({ id, kind, depth, path: this.pathTo(id) });
    }
    return hits.sort((a, b) => compare(a.id, b.id));
  }

  private nameOf(step: LevelStep): string {
    if (step.forward) return step.type;
    return this.metamodel.relationTypes.get(step.type)?.inverse ?? step.type;
  }

  private pathTo(id: string): PathStep[] {
    const path: PathStep[] = [];
    for (let step = this.reachedBy.get(id); step !== undefined; step = this.reachedBy.get(step.from))
      path.push(step);
    return path.reverse();
  }
}

/** The types a trace crosses each way, as the in-memory trace's step filter has them. */
function traceTypes(
  metamodel: Metamodel,
  names: readonly string[] | undefined,
  direction: TraceDirection,
): LevelTypes {
  const forward = new Set<string>();
  const backward = new Set<string>();
  const resolved =
    names === undefined
      ? [...metamodel.relationTypes.keys()].map((name) => ({ name, inverse: false }))
      : names.map((name) => {
          const found = metamodel.relationNames.get(name);
          if (!found) throw new InvalidArgumentError(`options.types: unknown relation name "${name}".`);
          return { name: found.type.name, inverse: found.inverse };
        });
  for (const { name, inverse } of resolved) {
    if (direction !== 'in') (inverse ? backward : forward).add(name);
    if (direction !== 'out') (inverse ? forward : backward).add(name);
  }
  return { forward, backward };
}

function checkDepth(maxDepth: number | undefined): number {
  if (maxDepth === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) {
    throw new InvalidArgumentError(`options.maxDepth: expected a non-negative integer, got ${maxDepth}.`);
  }
  return maxDepth;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
