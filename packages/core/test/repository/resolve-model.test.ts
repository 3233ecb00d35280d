import { defaultMetamodel, type Model, type SourceRef } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ElementDraft, RelationDraft } from '../../src/repository/model-drafts.js';
import { ModelResolver } from '../../src/repository/model-resolver.js';
import { resolveModel } from '../../src/repository/resolve-model.js';
import { resolveModelOneByOne } from './resolve-model-reference.js';

// Issue 17: resolveModel builds the model in one go (ends looked up once, repeats found without a
// key per relation, adjacency laid out at its final length). It must give exactly what adding each
// element and relation through the model's methods gives (the oracle, resolve-model-reference.ts):
// the same elements, relations, origins and adjacency in the same order, and the same diagnostics in
// the same order, whatever the drafts hold: repeated ids, ids breaking a pattern, relations to
// unknown, broken or later ids, relations a type does not allow, relations written twice with the
// same or other attributes, partOf cycles, and elements with many relations out.

const { metamodel } = extendMetamodel(defaultMetamodel(), { idPatterns: { Requirement: '^REQ-\\d{3}$' } });
const KINDS = [...metamodel.kinds.keys()];
const TYPES = [...metamodel.relationTypes.keys()];
const IDS = ['A', 'B', 'C', 'D', 'E', 'REQ-001', 'REQ-1', 'F'];
/** Ids no element has: one close to a real one (for "did you mean"), one far from all. */
const UNKNOWN = ['BB', 'ZZZZZZ'];

type ElementPlan = { id: string; kind: string; file: number; line: number; tags: boolean };
type RelationPlan = {
  type: string;
  source: string;
  target: string;
  note: string | undefined;
  file: number;
  line: number;
  inline: boolean;
  row: boolean;
};
type Plan = {
  elements: ElementPlan[];
  relations: RelationPlan[];
  broken: string[];
  unreadable: boolean;
};

const origin = (file: number, line: number, wide: boolean): SourceRef =>
  wide
    ? { file: `model/f${file}.yaml`, line, column: 5, endLine: line, endColumn: 9 }
    : { file: `model/f${file}.yaml`, line, column: 3 };

/** Fresh drafts of a plan (the resolve freezes and adopts what it is given, so each run gets its own). */
function draftsOf(plan: Plan) {
  const elements: ElementDraft[] = plan.elements.map((e) => ({
    element: {
      id: e.id,
      kind: `${e.kind}`,
      name: `name of ${e.id}`,
      ...(e.tags ? { tags: ['t'] } : {}),
      attributes: {},
    },
    origin: origin(e.file, e.line, e.tags),
  }));
  const relations: RelationDraft[] = plan.relations.map((r) => ({
    type: r.type,
    source: r.source,
    target: r.target,
    attributes: r.note === undefined ? {} : { note: r.note },
    origin: origin(r.file, r.line, r.row),
    ...(r.inline ? { writtenBy: r.source, writtenAs: r.type } : {}),
    ...(r.row
      ? { endOrigins: { source: origin(r.file, r.line, false), target: origin(r.file, r.line + 1, false) } }
      : {}),
  }));
  return {
    elements,
    relations,
    brokenIds: new Set(plan.broken),
    ...(plan.unreadable ? { unreadableFiles: ['model/broken.yaml'] } : {}),
  };
}

/** Everything a reader of the model can see, in the model's order. */
function picture(model: Model) {
  return {
    counts: [model.elementCount, model.relationCount],
    elements: [...model.elements()].map((e) => ({
      element: e,
      frozen: Object.isFrozen(e) && Object.isFrozen(e.attributes),
      origin: model.originOfElement(e.id),
      out: model.outRelations(e.id),
      in: model.inRelations(e.id),
    })),
    relations: [...model.relations()].map((r) => ({
      relation: r,
      frozen: Object.isFrozen(r) && Object.isFrozen(r.attributes),
      origin: model.originOfRelation(r),
      found: model.findRelation(r) === r,
    })),
    kinds: KINDS.map((kind) => [...model.idsOfKind(kind)]),
  };
}

function expectSameAsOneByOne(plan: Plan): void {
  const expected = resolveModelOneByOne(metamodel, draftsOf(plan));
  const actual = resolveModel(metamodel, draftsOf(plan));
  expect(actual.diagnostics).toStrictEqual(expected.diagnostics);
  expect(JSON.stringify(actual.diagnostics)).toBe(JSON.stringify(expected.diagnostics));
  const [a, e] = [picture(actual.model), picture(expected.model)];
  expect(a).toStrictEqual(e);
  expect(JSON.stringify(a)).toBe(JSON.stringify(e));
}

const elementPlan = fc.record({
  id: fc.constantFrom(...IDS),
  kind: fc.constantFrom(...KINDS),
  file: fc.nat(3),
  line: fc.integer({ min: 1, max: 50 }),
  tags: fc.boolean(),
});
const relationPlan = fc.record({
  // dependsOn goes from any kind to any kind, so most relations are allowed; partOf makes cycles.
  type: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...TYPES) },
    { weight: 2, arbitrary: fc.constant('dependsOn') },
    { weight: 1, arbitrary: fc.constant('partOf') },
  ),
  source: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...IDS) }, fc.constantFrom(...UNKNOWN)),
  target: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...IDS) }, fc.constantFrom(...UNKNOWN)),
  note: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
  file: fc.nat(3),
  line: fc.integer({ min: 1, max: 50 }),
  inline: fc.boolean(),
  row: fc.boolean(),
});
const plans = fc.record({
  elements: fc.array(elementPlan, { minLength: 6, maxLength: 16 }),
  relations: fc.array(relationPlan, { minLength: 10, maxLength: 80 }),
  broken: fc.subarray([...IDS, ...UNKNOWN], { maxLength: 2 }),
  unreadable: fc.boolean(),
});

/** The plan's drafts given file by file, in file order (elements of a file, then its relations), as a load gives them. */
function fileByFile(plan: Plan) {
  const drafts = draftsOf(plan);
  const resolver = new ModelResolver(metamodel);
  for (let file = 0; file <= 3; file++) {
    resolver.addElements(drafts.elements.filter((_, i) => plan.elements[i]!.file === file));
    resolver.addRelations(drafts.relations.filter((_, i) => plan.relations[i]!.file === file));
  }
  return resolver.finish(drafts.brokenIds, drafts.unreadableFiles ?? []);
}

/** The plan with its elements and relations in file order (a stable sort), as the files would give them. */
function inFileOrderOf(plan: Plan): Plan {
  const byFile = <T extends { file: number }>(items: T[]) =>
    items
      .map((item, i) => [item, i] as const)
      .sort(([a, i], [b, j]) => a.file - b.file || i - j)
      .map(([item]) => item);
  return { ...plan, elements: byFile(plan.elements), relations: byFile(plan.relations) };
}

describe('resolveModel gives what adding each element and relation through the model gives', () => {
  test('and so does the resolver fed file by file: relations to elements of later files, ids repeated across files', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const expected = resolveModelOneByOne(metamodel, draftsOf(inFileOrderOf(plan)));
        const actual = fileByFile(plan);
        expect(actual.diagnostics).toStrictEqual(expected.diagnostics);
        expect(JSON.stringify(actual.diagnostics)).toBe(JSON.stringify(expected.diagnostics));
        expect(picture(actual.model)).toStrictEqual(picture(expected.model));
      }),
      { numRuns: 300 },
    );
  });

  test('on generated drafts (repeats, patterns, unknown and broken ids, kinds not allowed, cycles)', () => {
    fc.assert(fc.property(plans, expectSameAsOneByOne), { numRuns: 400 });
  });

  test('on two relations of other types between the same elements, and a partOf cycle', () => {
    const plan: Plan = {
      elements: [
        { id: 'A', kind: 'Service', file: 0, line: 1, tags: false },
        { id: 'B', kind: 'Principle', file: 1, line: 1, tags: false },
        { id: 'C', kind: 'Service', file: 1, line: 5, tags: true },
      ],
      relations: [
        {
          type: 'dependsOn',
          source: 'A',
          target: 'B',
          note: undefined,
          file: 0,
          line: 2,
          inline: true,
          row: false,
        },
        {
          type: 'governedBy',
          source: 'A',
          target: 'B',
          note: undefined,
          file: 0,
          line: 3,
          inline: true,
          row: false,
        },
        {
          type: 'partOf',
          source: 'A',
          target: 'C',
          note: undefined,
          file: 2,
          line: 1,
          inline: false,
          row: true,
        },
        { type: 'partOf', source: 'C', target: 'A', note: 'x', file: 2, line: 3, inline: false, row: true },
      ],
      broken: [],
      unreadable: false,
    };
    expectSameAsOneByOne(plan);
    const { model, diagnostics } = resolveModel(metamodel, draftsOf(plan));
    expect(model.outRelations('A').map((r) => r.type)).toEqual(['dependsOn', 'governedBy', 'partOf']);
    expect(diagnostics.map((d) => d.code)).toEqual(['partof-cycle']);
  });

  test('on an element with hundreds of relations out, some written twice (same and other attributes)', () => {
    const targets = Array.from({ length: 300 }, (_, i) => `T${String(i).padStart(3, '0')}`);
    const plan: Plan = {
      elements: ['HUB', ...targets].map((id, i) => ({
        id,
        kind: 'Service',
        file: 0,
        line: i + 1,
        tags: false,
      })),
      relations: [0, 1, 2].flatMap((round) =>
        targets.map((target, i) => ({
          type: i % 2 === 0 ? 'dependsOn' : 'uses',
          source: 'HUB',
          target,
          note: round === 2 && i % 3 === 0 ? 'other' : undefined,
          file: 1,
          line: round * 1000 + i + 1,
          inline: round === 1,
          row: round !== 1,
        })),
      ),
      broken: [],
      unreadable: false,
    };
    expectSameAsOneByOne(plan);
    const { model, diagnostics } = resolveModel(metamodel, draftsOf(plan));
    // uses goes from Service to DataEntity or DataItem: half the relations are not allowed, each time.
    expect(model.outRelations('HUB')).toHaveLength(150);
    expect(diagnostics.filter((d) => d.code === 'relation-not-allowed')).toHaveLength(450);
    expect(diagnostics.filter((d) => d.code === 'duplicate-relation')).toHaveLength(150 - 50 + 150);
    expect(diagnostics.filter((d) => d.code === 'relation-conflict')).toHaveLength(50);
  });
});
