import { computeCoverage, defaultMetamodel, Model, type Relation } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { CoveragePolicySchema, MetamodelExtensionSchema } from '@tracery/core/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { columnsOf } from '../../src/model/element-columns.js';
import { IdTable } from '../../src/model/id-table.js';
import { referenceCoverage } from './coverage-reference.js';

// computeCoverage is written for speed (integer indexes, typed arrays; no look-up on a restored model);
// these properties hold it, on models built one element at a time and on the same models restored as a
// load gives them, to a plain reading of the design (coverage-reference.ts) on random graphs: random kinds, statuses,
// links (self-links, cycles, several types both ways), policies (needs limited to kinds, the same
// relation name twice, deep or not, provides, excluded statuses) and outdated links.

const KINDS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const NAMES = ['covers', 'coveredBy', 'links', 'linkedBy'];
const STATUSES = [undefined, undefined, undefined, 'withdrawn', 'rejected'];
const IDS = ['a', 'b', 'B', 'c', 'a1', 'a-2', 'Z', 'ab', 'ba', 'c_', 'aa', 'b0'];

function metamodel() {
  const extension = MetamodelExtensionSchema.parse({
    kinds: Object.fromEntries(KINDS.map((k) => [k, { description: k }])),
    relationTypes: {
      covers: { inverse: 'coveredBy', from: '*', to: '*', impact: { forward: 'none', backward: 'none' } },
      links: { inverse: 'linkedBy', from: '*', to: '*', impact: { forward: 'none', backward: 'none' } },
    },
  });
  const { metamodel, problems } = extendMetamodel(defaultMetamodel(), extension);
  expect(problems).toEqual([]);
  return metamodel;
}
const META = metamodel();

const need = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.record({
    relation: fc.constantFrom(...NAMES),
    kinds: fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 3 }),
  }),
);
const rule = fc.record(
  {
    needs: fc.array(need, { maxLength: 3 }),
    deep: fc.boolean(),
    provides: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
    exclude: fc.record({
      status: fc.uniqueArray(fc.constantFrom('withdrawn', 'rejected'), { maxLength: 2 }),
    }),
  },
  { requiredKeys: ['needs'] },
);
const policy = fc
  .dictionary(fc.constantFrom(...KINDS), rule, { maxKeys: 4 })
  .map((p) => CoveragePolicySchema.parse(p));

const graph = fc.record({
  elements: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...IDS),
      kind: fc.constantFrom(...KINDS),
      status: fc.constantFrom(...STATUSES),
    }),
    { selector: (e) => e.id, maxLength: IDS.length },
  ),
  links: fc.array(fc.tuple(fc.nat(), fc.constantFrom('covers', 'links'), fc.nat(), fc.nat(9)), {
    maxLength: 40,
  }),
});

type Graph = typeof graph extends fc.Arbitrary<infer G> ? G : never;

function build(g: Graph) {
  const model = new Model(META);
  for (const e of g.elements)
    model.addElement({
      id: e.id,
      kind: e.kind,
      name: e.id,
      attributes: {},
      ...(e.status ? { status: e.status } : {}),
    });
  const outdated: { type: string; source: string; target: string }[] = [];
  if (g.elements.length === 0) return { model, outdated };
  for (const [s, type, t, roll] of g.links) {
    const link = {
      type,
      source: g.elements[s % g.elements.length]!.id,
      target: g.elements[t % g.elements.length]!.id,
    };
    model.addRelation({ ...link, attributes: {} });
    // Some links are outdated (suspect since their last review); a few are removed again.
    if (roll < 2) outdated.push(link);
    if (roll === 9 && model.hasRelation(link)) model.removeRelation(link);
  }
  return { model, outdated };
}

/**
 * The same model as a load gives it (`Model.restore` with each relation's ends as element indexes), its
 * relations in reverse order: coverage then reads the model's restored layout instead of walking it,
 * and meets each element's links in another order. `'table'`: as rows, found by id in an `IdTable` (as
 * the whole-load cache gives it), so coverage looks the ends of outdated links up there.
 */
function restored(model: Model, as: 'objects' | 'rows' | 'table' = 'objects'): Model {
  const asRows = as !== 'objects';
  const elements = [...model.elements()].map((e) => ({ ...e }));
  const relations = [...model.relations()].reverse().map((r) => ({ ...r }));
  const index = new Map(elements.map((e, i) => [e.id, i]));
  const ends = Int32Array.from(relations.flatMap((r) => [index.get(r.source)!, index.get(r.target)!]));
  const none = { element: () => undefined, relation: () => undefined };
  const copy = asRows
    ? Model.restore(
        model.metamodel,
        { ...columnsOf(elements), make: (i) => elements[i]! },
        rows(relations),
        none,
        ends,
        as === 'table' ? IdTable.placesOf(elements.map((e) => e.id)) : undefined,
      )
    : Model.restore(model.metamodel, elements, relations, none, ends);
  expect(copy.restoredLayout()).toBeDefined();
  return copy;
}

/** The relations as rows (as the whole-load cache gives them): types by number, attributes where there are any. */
function rows(relations: readonly Relation[]) {
  const typeNames = [...new Set(relations.map((r) => r.type))];
  const attributes = new Map<number, Relation['attributes']>();
  relations.forEach((r, i) => {
    if (Object.keys(r.attributes).length > 0) attributes.set(i, r.attributes);
  });
  return { types: Int32Array.from(relations, (r) => typeNames.indexOf(r.type)), typeNames, attributes };
}

describe('computeCoverage equals a plain reading of the design on random graphs', () => {
  test('every field: verdicts, needs, missing, ignored, orphans, counts, excluded, links', () => {
    fc.assert(
      fc.property(graph, policy, (g, p) => {
        const { model, outdated } = build(g);
        const expected = referenceCoverage(model, p, outdated);
        for (const subject of [model, restored(model), restored(model, 'rows'), restored(model, 'table')]) {
          const { diagnostics, ...result } = computeCoverage(subject, p, { outdated });
          expect(diagnostics).toEqual([]);
          expect(result).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('long chains and cycles of one kind (deep coverage through many levels)', () => {
    const chainPolicy = CoveragePolicySchema.parse({ Alpha: { needs: ['coveredBy'] } });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 60 }),
        fc.uniqueArray(fc.nat(29), { maxLength: 5 }),
        (pairs, withdrawn) => {
          const model = new Model(META);
          for (let i = 0; i < 30; i++) {
            const status = withdrawn.includes(i) ? { status: 'withdrawn' } : {};
            model.addElement({ id: `n${i}`, kind: 'Alpha', name: `n${i}`, attributes: {}, ...status });
          }
          for (const [s, t] of pairs)
            model.addRelation({ type: 'covers', source: `n${s}`, target: `n${t}`, attributes: {} });
          const expected = referenceCoverage(model, chainPolicy);
          for (const subject of [model, restored(model), restored(model, 'rows'), restored(model, 'table')]) {
            const { diagnostics, ...result } = computeCoverage(subject, chainPolicy);
            expect(diagnostics).toEqual([]);
            expect(result).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
