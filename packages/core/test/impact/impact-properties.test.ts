import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_FOLLOW_UPS, type ImpactEffect } from '../../src/advanced.js';
import { computeImpact, type ImpactOptions, type ImpactStep, Model } from '../../src/index.js';
import { stepRelation } from '../../src/model/path-step.js';
import { generateModel, seededRandom } from '../../src/testing/index.js';

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
const TYPES = ['partOf', 'performs', 'sends', 'receives', 'carries', 'satisfies', 'verifies', 'refines'];
const EFFECTS: ImpactEffect[] = ['propagate', 'notify', 'none'];

const run = fc.record({
  seed: fc.integer({ min: 1, max: 12 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  maxDepth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  stopAtKinds: fc.option(fc.subarray(KINDS), { nil: undefined }),
  skipTypes: fc.option(fc.subarray(TYPES, { maxLength: 2 }), { nil: undefined }),
  // Effects drawn at random for a few types, so that the rules are checked beyond the defaults.
  effects: fc.option(
    fc.dictionary(
      fc.constantFrom(...TYPES),
      fc.record({ forward: fc.constantFrom(...EFFECTS), backward: fc.constantFrom(...EFFECTS) }),
      { maxKeys: 3 },
    ),
    { nil: undefined },
  ),
});

type RunInput = typeof run extends fc.Arbitrary<infer T> ? T : never;

function setUp(input: RunInput) {
  const model = modelOf(input.seed);
  const ids = model.graph.nodes();
  const seeds = [...new Set(input.picks.map((p) => ids[p % ids.length]!))];
  const options: ImpactOptions = {
    ...(input.maxDepth === undefined ? {} : { maxDepth: input.maxDepth }),
    ...(input.stopAtKinds === undefined ? {} : { stopAtKinds: input.stopAtKinds }),
    ...(input.skipTypes === undefined ? {} : { skipTypes: input.skipTypes }),
    ...(input.effects === undefined ? {} : { effects: input.effects }),
  };
  return { model, seeds, options };
}

function effectOf(model: Model, options: ImpactOptions, type: string, direction: ImpactStep['direction']) {
  if (options.skipTypes?.includes(type)) return 'none';
  return options.effects?.[type]?.[direction] ?? model.metamodel.relationTypes.get(type)!.impact[direction];
}

/** The follow-ups as (type, direction) keys: `verifiedBy` is verifies crossed backward. */
function followUpKeys(model: Model): Set<string> {
  return new Set(
    DEFAULT_FOLLOW_UPS.map((name) => {
      const resolved = model.metamodel.relationNames.get(name)!;
      return `${resolved.type.name}:${resolved.inverse ? 'backward' : 'forward'}`;
    }),
  );
}

/**
 * The reference: a plain breadth-first search over (element, mode, last relation crossed), with none
 * of the engine's arrays or shortcuts: every state is kept. Returns each reached element's reach and
 * depth (propagated wins over notified).
 */
function reference(model: Model, seeds: readonly string[], options: ImpactOptions) {
  const followUps = followUpKeys(model);
  const stop = new Set(options.stopAtKinds ?? []);
  const best = new Map<string, { reach: string; depth: number }>();
  const seen = new Set<string>();
  type State = { id: string; notified: boolean; last?: string };
  let frontier: State[] = seeds.map((id) => ({ id, notified: false }));
  for (
    let depth = 1;
    depth <= (options.maxDepth ?? Number.POSITIVE_INFINITY) && frontier.length > 0;
    depth++
  ) {
    const next: State[] = [];
    for (const state of frontier) {
      for (const edge of model.graph.edges(state.id)) {
        const relation = model.graph.getEdgeAttribute(edge, 'relation');
        const direction = relation.source === state.id ? 'forward' : 'backward';
        const other = direction === 'forward' ? relation.target : relation.source;
        const back = direction === 'forward' ? 'backward' : 'forward';
        if (state.last === `${relation.type}:${back}`) continue;
        const effect = effectOf(model, options, relation.type, direction);
        if (effect === 'none') continue;
        if (state.notified && !followUps.has(`${relation.type}:${direction}`)) continue;
        if (seeds.includes(other)) continue;
        const notified = state.notified || effect === 'notify' || stop.has(model.getElement(other).kind);
        const key = `${other}|${notified}|${relation.type}:${direction}`;
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ id: other, notified, last: `${relation.type}:${direction}` });
        const reach = notified ? 'notified' : 'propagated';
        const known = best.get(other);
        if (!known || (known.reach === 'notified' && reach === 'propagated'))
          best.set(other, { reach, depth });
      }
    }
    frontier = next;
  }
  return best;
}

describe('impact properties, over generated models', () => {
  test('the engine reaches exactly what the plain search over paths reaches, with the same reach and depth', () => {
    fc.assert(
      fc.property(run, (input) => {
        const { model, seeds, options } = setUp(input);
        const expected = reference(model, seeds, options);
        const actual = computeImpact(model, seeds, options).impacted;
        expect(new Map(actual.map((e) => [e.id, { reach: e.reach, depth: e.depth }]))).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });

  test("every hit's path exists, obeys the effects, stops at a notified element but for its follow-ups, and never reverses", () => {
    fc.assert(
      fc.property(run, (input) => {
        const { model, seeds, options } = setUp(input);
        const followUps = followUpKeys(model);
        for (const element of computeImpact(model, seeds, options).impacted) {
          const { path } = element;
          expect(path).toHaveLength(element.depth);
          expect(seeds).toContain(path[0]!.from);
          expect(path.at(-1)!.to).toBe(element.id);
          expect(element.reach).toBe(path.at(-1)!.effect === 'propagate' ? 'propagated' : 'notified');
          path.forEach((hop, i) => {
            const before = path[i - 1];
            expect(model.hasRelation(stepRelation(hop))).toBe(true);
            const effect = effectOf(model, options, hop.relation, hop.direction);
            expect(effect).not.toBe('none');
            if (hop.effect === 'propagate') expect(effect).toBe('propagate');
            if (before) {
              expect(hop.from).toBe(before.to);
              // No reversal: the same type the other way straight after.
              expect(hop.relation === before.relation && hop.direction !== before.direction).toBe(false);
              // After a notified element, only its follow-ups.
              if (before.effect === 'notify') {
                expect(followUps.has(`${hop.relation}:${hop.direction}`)).toBe(true);
                expect(hop.effect).toBe('notify');
              }
            }
          });
          if (options.maxDepth !== undefined) expect(element.depth).toBeLessThanOrEqual(options.maxDepth);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('adding a propagating relation never removes a hit', () => {
    fc.assert(
      fc.property(run, fc.nat(), fc.nat(), (input, a, b) => {
        const { model, seeds, options } = setUp(input);
        const ids = model.graph.nodes();
        const [source, target] = [ids[a % ids.length]!, ids[b % ids.length]!];
        // dependsOn goes between any kinds; made to propagate both ways for this run.
        const widened = {
          ...options,
          effects: { ...options.effects, dependsOn: { forward: 'propagate', backward: 'propagate' } },
        } as const;
        const before = computeImpact(model, seeds, widened).impacted.map((e) => e.id);
        const grown = model.clone();
        grown.addRelation({ type: 'dependsOn', source, target, attributes: {} });
        const after = new Set(computeImpact(grown, seeds, widened).impacted.map((e) => e.id));
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('the answer does not depend on the order the model was written in, nor on the order of the changed ids', () => {
    fc.assert(
      fc.property(run, fc.integer({ min: 1, max: 1000 }), (input, shuffleSeed) => {
        const { model, seeds, options } = setUp(input);
        const random = seededRandom(shuffleSeed);
        const shuffle = <T>(items: T[]) => {
          for (let i = items.length - 1; i > 0; i--) {
            const j = random.int(i + 1);
            [items[i], items[j]] = [items[j]!, items[i]!];
          }
          return items;
        };
        const reordered = new Model(model.metamodel);
        for (const element of shuffle([...model.elements()])) reordered.addElement(element);
        for (const relation of shuffle([...model.relations()])) reordered.addRelation(relation);
        expect(computeImpact(reordered, [...seeds].reverse(), options)).toEqual(
          computeImpact(model, seeds, options),
        );
      }),
      { numRuns: 40 },
    );
  });
});
