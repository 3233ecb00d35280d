import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeImpact, hopRelation, type Model } from '../../src/index.js';
import { generateModel } from '../../src/testing/index.js';

/** Distances along the propagation rules, by a plain BFS on the graph: the reference to check against. */
function reachable(model: Model, seeds: readonly string[]): Map<string, number> {
  const distance = new Map(seeds.map((s) => [s, 0]));
  let frontier = [...seeds];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of model.graph.edges(node)) {
        const relation = model.graph.getEdgeAttribute(edge, 'relation');
        const impact = model.metamodel.relationTypes.get(relation.type)!.impact;
        const outward = relation.source === node && (impact === 'both' || impact === 'source-to-target');
        const inward = relation.target === node && (impact === 'both' || impact === 'target-to-source');
        const other = outward ? relation.target : inward ? relation.source : undefined;
        if (other === undefined || distance.has(other)) continue;
        distance.set(other, distance.get(node)! + 1);
        next.push(other);
      }
    }
    frontier = next;
  }
  return distance;
}

const models = new Map<number, Model>();
const modelOf = (seed: number) => {
  let model = models.get(seed);
  if (!model) {
    model = generateModel({ elements: 60 + (seed % 5) * 40, seed });
    models.set(seed, model);
  }
  return model;
};

const KINDS = ['Service', 'Role', 'ProcessStep', 'BusinessProcess', 'Interface', 'Requirement', 'DataEntity'];
const TYPES = [
  'partOf',
  'performs',
  'sends',
  'receives',
  'carries',
  'satisfies',
  'verifies',
  'refines',
  'documentedIn',
];

const run = fc.record({
  seed: fc.integer({ min: 1, max: 12 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  maxDepth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  stopAtKinds: fc.option(fc.subarray(KINDS), { nil: undefined }),
  skipTypes: fc.option(fc.subarray(TYPES), { nil: undefined }),
});

type RunInput = typeof run extends fc.Arbitrary<infer T> ? T : never;

function setUp(input: RunInput) {
  const model = modelOf(input.seed);
  const ids = model.graph.nodes();
  const seeds = [...new Set(input.picks.map((p) => ids[p % ids.length]!))];
  const options = {
    ...(input.maxDepth === undefined ? {} : { maxDepth: input.maxDepth }),
    ...(input.stopAtKinds === undefined ? {} : { stopAtKinds: input.stopAtKinds }),
    ...(input.skipTypes === undefined ? {} : { skipTypes: input.skipTypes }),
  };
  return { model, seeds, options };
}

describe('impact properties, over generated models', () => {
  test('the impact set is a subset of the reachable set, and equals it without limits', () => {
    fc.assert(
      fc.property(run, (input) => {
        const { model, seeds, options } = setUp(input);
        const reach = reachable(model, seeds);
        const impacted = computeImpact(model, seeds, options).impacted;
        for (const element of impacted) expect(reach.has(element.id)).toBe(true);
        const unlimited = computeImpact(model, seeds).impacted;
        expect(unlimited.map((e) => e.id).sort()).toEqual(
          [...reach.keys()].filter((id) => !seeds.includes(id)).sort(),
        );
        for (const element of unlimited) expect(element.depth).toBe(reach.get(element.id));
      }),
      { numRuns: 60 },
    );
  });

  test('every path exists in the model, starts at a changed element, and each hop propagates its way', () => {
    fc.assert(
      fc.property(run, (input) => {
        const { model, seeds, options } = setUp(input);
        for (const element of computeImpact(model, seeds, options).impacted) {
          const { path } = element;
          expect(path).toHaveLength(element.depth);
          expect(seeds).toContain(path[0]!.from);
          expect(path[path.length - 1]!.to).toBe(element.id);
          path.forEach((hop, i) => {
            if (i > 0) expect(hop.from).toBe(path[i - 1]!.to);
            expect(model.hasRelation(hopRelation(hop))).toBe(true);
            const impact = model.metamodel.relationTypes.get(hop.type)!.impact;
            expect(
              impact === 'both' ||
                impact === (hop.direction === 'forward' ? 'source-to-target' : 'target-to-source'),
            ).toBe(true);
            expect(options.skipTypes ?? []).not.toContain(hop.type);
            if (i > 0) expect(options.stopAtKinds ?? []).not.toContain(model.getElement(hop.from).kind);
          });
          if (options.maxDepth !== undefined) expect(element.depth).toBeLessThanOrEqual(options.maxDepth);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('the same input gives the same result, whatever order the changed ids come in', () => {
    fc.assert(
      fc.property(run, (input) => {
        const { model, seeds, options } = setUp(input);
        expect(computeImpact(model, [...seeds].reverse(), options)).toEqual(
          computeImpact(model, seeds, options),
        );
      }),
      { numRuns: 30 },
    );
  });
});
