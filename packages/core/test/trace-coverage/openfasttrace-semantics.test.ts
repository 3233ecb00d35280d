import { type CoverageOptions, computeCoverage, defaultMetamodel, Model } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { CoveragePolicySchema, MetamodelExtensionSchema } from '@tracery/core/schemas';
import { describe, expect, test } from 'vitest';

// OpenFastTrace's chain in Tracery terms: Feature <- Design <- Impl <- UnitTest over `covers`, each
// kind needing the next one down (`coveredBy` from that kind), deep by default. Each case below is a
// point of OpenFastTrace's user guide; the expected verdicts follow from its meaning, not from a run.
function chainModel(): Model {
  const extension = MetamodelExtensionSchema.parse({
    kinds: {
      Feature: { description: 'feat' },
      Design: { description: 'dsn' },
      Impl: { description: 'impl' },
      UnitTest: { description: 'utest' },
      Spec: { description: 'an item type that needs its own type' },
    },
    relationTypes: {
      covers: {
        inverse: 'coveredBy',
        from: '*',
        to: '*',
        impact: { forward: 'none', backward: 'propagate' },
      },
    },
  });
  const { metamodel, problems } = extendMetamodel(defaultMetamodel(), extension);
  expect(problems).toEqual([]);
  return new Model(metamodel);
}

const policy = CoveragePolicySchema.parse({
  Feature: { needs: [{ relation: 'coveredBy', kinds: ['Design'] }] },
  Design: { needs: [{ relation: 'coveredBy', kinds: ['Impl'] }] },
  Impl: { needs: [{ relation: 'coveredBy', kinds: ['UnitTest'] }] },
  Spec: { needs: [{ relation: 'coveredBy', kinds: ['Spec'] }] },
});

type Case = {
  readonly name: string;
  /** `id:Kind[:status]` */
  readonly elements: readonly string[];
  /** `source>target`, covers */
  readonly covers: readonly string[];
  readonly outdated?: readonly string[];
  readonly verdicts: Readonly<Record<string, string>>;
  readonly links?: readonly string[];
  readonly excluded?: readonly string[];
};

const FULL = ['F:Feature', 'D:Design', 'I:Impl', 'U:UnitTest'];
const CHAIN = ['D>F', 'I>D', 'U>I'];

const CASES: readonly Case[] = [
  {
    name: 'a full chain is covered all the way down',
    elements: FULL,
    covers: CHAIN,
    verdicts: { F: 'covered', D: 'covered', I: 'covered' },
  },
  {
    name: 'a gap at the bottom leaves every item above covered only shallowly (deep coverage)',
    elements: FULL,
    covers: ['D>F', 'I>D'],
    verdicts: { F: 'covered-shallow', D: 'covered-shallow', I: 'uncovered' },
  },
  {
    name: 'unwanted coverage does not count and is reported (a unit test covering a feature)',
    elements: ['F:Feature', 'U:UnitTest'],
    covers: ['U>F'],
    verdicts: { F: 'uncovered' },
    links: ['F coveredBy U unwanted'],
  },
  {
    name: 'unwanted coverage beside wanted coverage: the item is covered, the link still reported',
    elements: [...FULL, 'U2:UnitTest'],
    covers: [...CHAIN, 'U2>F'],
    verdicts: { F: 'covered', D: 'covered', I: 'covered' },
    links: ['F coveredBy U2 unwanted'],
  },
  {
    name: 'an outdated link does not count as coverage',
    elements: FULL,
    covers: CHAIN,
    outdated: ['I>D'],
    verdicts: { F: 'covered-shallow', D: 'uncovered', I: 'covered' },
    links: ['D coveredBy I outdated'],
  },
  {
    name: 'a cycle has its own verdict, and so does what it covers',
    elements: ['S0:Spec', 'S1:Spec', 'S2:Spec'],
    covers: ['S1>S0', 'S1>S2', 'S2>S1'],
    verdicts: { S0: 'cycle', S1: 'cycle', S2: 'cycle' },
  },
  {
    name: 'a withdrawn item needs nothing and covers nothing',
    elements: ['F:Feature', 'D:Design:withdrawn', 'F2:Feature:withdrawn'],
    covers: ['D>F'],
    verdicts: { F: 'uncovered' },
    excluded: ['D', 'F2'],
  },
  {
    name: 'a withdrawn item beside a valid one: the valid one covers',
    elements: [...FULL, 'D2:Design:withdrawn'],
    covers: [...CHAIN, 'D2>F'],
    verdicts: { F: 'covered', D: 'covered', I: 'covered' },
    excluded: ['D2'],
  },
];

function build(c: Case): { model: Model; options: CoverageOptions } {
  const model = chainModel();
  for (const spec of c.elements) {
    const [id, kind, status] = spec.split(':') as [string, string, string | undefined];
    model.addElement({ id, kind, name: id, attributes: {}, ...(status ? { status } : {}) });
  }
  const link = (text: string) => {
    const [source, target] = text.split('>') as [string, string];
    return { type: 'covers', source, target };
  };
  for (const text of c.covers) model.addRelation({ ...link(text), attributes: {} });
  return { model, options: { outdated: (c.outdated ?? []).map(link) } };
}

describe('coverage follows OpenFastTrace point by point', () => {
  test.each(CASES)('$name', (c) => {
    const { model, options } = build(c);
    const result = computeCoverage(model, policy, options);
    expect(Object.fromEntries(result.elements.map((e) => [e.id, e.verdict]))).toEqual(c.verdicts);
    expect(result.links.map((l) => `${l.covered} ${l.relation} ${l.by} ${l.reason}`)).toEqual(c.links ?? []);
    expect(result.excluded).toEqual(c.excluded ?? []);
    expect(result.diagnostics).toEqual([]);
  });

  test('a withdrawn covering element is listed as not counted, with the reason', () => {
    const { model } = build(CASES[6]!);
    const f = computeCoverage(model, policy).elements.find((e) => e.id === 'F');
    expect(f?.ignored).toEqual([{ relation: 'coveredBy', by: 'D', reason: 'excluded' }]);
  });

  test('a shallow policy (deep: false) looks at the element alone', () => {
    const { model } = build(CASES[1]!);
    const shallow = CoveragePolicySchema.parse(
      Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, { ...v, deep: false }])),
    );
    const verdicts = computeCoverage(model, shallow).elements.map((e) => [e.id, e.verdict]);
    expect(verdicts).toEqual([
      ['D', 'covered'],
      ['F', 'covered'],
      ['I', 'uncovered'],
    ]);
  });

  test('a chain of 20,000 items is computed without overflowing the stack', () => {
    const model = chainModel();
    const n = 20_000;
    for (let i = 0; i < n; i++)
      model.addElement({ id: `D${i}`, kind: 'Design', name: `D${i}`, attributes: {} });
    for (let i = 1; i < n; i++)
      model.addRelation({ type: 'covers', source: `D${i}`, target: `D${i - 1}`, attributes: {} });
    const deep = CoveragePolicySchema.parse({ Design: { needs: ['coveredBy'] } });
    const result = computeCoverage(model, deep);
    // The last one covers nothing below it, so it is uncovered; every one above it is covered shallowly.
    expect(result.countsByKind.Design).toEqual({ total: n, covered: 0, uncovered: n, excluded: 0 });
    expect(result.elements.find((e) => e.id === 'D0')?.verdict).toBe('covered-shallow');
    expect(result.elements.find((e) => e.id === `D${n - 1}`)?.verdict).toBe('uncovered');
  });
});
