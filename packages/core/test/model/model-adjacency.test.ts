import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { relationKey } from '../../src/advanced.js';
import { defaultMetamodel, type Element, Model, type Relation, relationsOf } from '../../src/index.js';
import { columnsOf, type ElementRows } from '../../src/model/element-columns.js';
import type { RelationRows } from '../../src/model/restored-relations.js';

// The model keeps its own adjacency and builds its graphology view only when `graph` is read. These
// tests hold both to what the operations mean, with a plain reference kept beside the model: an element
// map and a relation map changed by the same rules (put replaces, removing an element removes every
// relation at either end, a relation added twice is kept once).

const IDS = ['A', 'B', 'C', 'D', 'E'];
const TYPES = ['dependsOn', 'flowsTo'];

const op = fc.oneof(
  fc.record({
    op: fc.constant('put' as const),
    id: fc.constantFrom(...IDS),
    name: fc.string({ maxLength: 3 }),
  }),
  fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }),
  fc.record({
    op: fc.constant('link' as const),
    source: fc.constantFrom(...IDS),
    type: fc.constantFrom(...TYPES),
    target: fc.constantFrom(...IDS),
  }),
  fc.record({
    op: fc.constant('unlink' as const),
    source: fc.constantFrom(...IDS),
    type: fc.constantFrom(...TYPES),
    target: fc.constantFrom(...IDS),
  }),
  fc.record({
    op: fc.constant('note' as const),
    source: fc.constantFrom(...IDS),
    type: fc.constantFrom(...TYPES),
    target: fc.constantFrom(...IDS),
    note: fc.string({ maxLength: 3 }),
  }),
  fc.record({ op: fc.constant('read-graph' as const) }),
  fc.record({ op: fc.constant('compact' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

type Reference = { elements: Map<string, Element>; relations: Map<string, Relation> };

function apply(model: Model, ref: Reference, o: Op): void {
  switch (o.op) {
    case 'put': {
      const element: Element = { id: o.id, kind: 'Service', name: o.name, attributes: {} };
      model.putElement(element);
      ref.elements.set(o.id, element);
      return;
    }
    case 'remove':
      if (!ref.elements.has(o.id)) return;
      model.removeElement(o.id);
      ref.elements.delete(o.id);
      for (const [key, r] of ref.relations)
        if (r.source === o.id || r.target === o.id) ref.relations.delete(key);
      return;
    case 'link': {
      if (!ref.elements.has(o.source) || !ref.elements.has(o.target)) return;
      const relation: Relation = { type: o.type, source: o.source, target: o.target, attributes: {} };
      const key = relationKey(relation);
      expect(model.addRelation(relation)).toBe(!ref.relations.has(key));
      if (!ref.relations.has(key)) ref.relations.set(key, relation);
      return;
    }
    case 'unlink': {
      const key = relationKey(o);
      if (!ref.relations.has(key)) return;
      model.removeRelation(o);
      ref.relations.delete(key);
      return;
    }
    case 'note': {
      const key = relationKey(o);
      if (!ref.relations.has(key)) return;
      const relation: Relation = {
        type: o.type,
        source: o.source,
        target: o.target,
        attributes: { note: o.note },
      };
      model.putRelation(relation);
      ref.relations.set(key, relation);
      return;
    }
    case 'read-graph':
      model.graph;
      return;
    case 'compact': {
      // Trimming the lists keeps every relation at every element, in the order they were added.
      const before = [...model.elementIds()].map((id) => [model.outRelations(id), model.inRelations(id)]);
      model.compact();
      const after = [...model.elementIds()].map((id) => [model.outRelations(id), model.inRelations(id)]);
      expect(after).toEqual(before);
    }
  }
}

/** The restored layout, when there is one, names the model's elements and each relation's ends by index. */
function expectLayout(model: Model, withEnds: boolean): void {
  const layout = model.restoredLayout();
  if (!withEnds) {
    expect(layout).toBeUndefined();
    return;
  }
  expect(layout).toBeDefined();
  const { elements, relations, ends, types, typeNames } = layout!;
  expect({ ...columnsOf(elements) }).toEqual({
    ids: layout!.ids,
    kinds: layout!.kinds,
    kindNames: layout!.kindNames,
    statuses: layout!.statuses,
  });
  expect([...types].map((t) => typeNames[t])).toEqual(relations.map((r) => r.type));
  expect(elements.map((e) => e.id)).toEqual([...model.elementIds()]);
  expect(elements.map((e) => model.getElement(e.id))).toEqual(elements);
  expect(relations.map(relationKey)).toEqual([...model.relations()].map(relationKey));
  expect(ends.length).toBe(relations.length * 2);
  relations.forEach((r, i) => {
    expect(elements[ends[2 * i]!]!.id).toBe(r.source);
    expect(elements[ends[2 * i + 1]!]!.id).toBe(r.target);
  });
}

const sortedKeys = (relations: Iterable<Pick<Relation, 'type' | 'source' | 'target'>>) =>
  [...relations].map(relationKey).sort();

/**
 * How a test gives a restored model its relations: looked up by id, with their ends as indexes, or as
 * rows; and with the relations as rows, the elements as rows too (`all-rows`).
 */
type RestoreForm = 'ids' | 'ends' | 'rows' | 'all-rows';

/** The elements as {@link ElementRows}: each made (a copy) when the model first reads it, at most once. */
function elementRowsOf(elements: readonly Element[]): ElementRows {
  const made = new Set<number>();
  const make = (i: number): Element => {
    expect(made.has(i)).toBe(false);
    made.add(i);
    return { ...elements[i]! };
  };
  return { ...columnsOf(elements), make };
}

/** The relations as {@link RelationRows}: types numbered in the order first seen, attributes only where there are any. */
function rowsOf(relations: readonly Relation[]): RelationRows {
  const typeNames = [...new Set(relations.map((r) => r.type))];
  const attributes = new Map<number, Relation['attributes']>();
  relations.forEach((r, i) => {
    if (Object.keys(r.attributes).length > 0) attributes.set(i, r.attributes);
  });
  return { types: Int32Array.from(relations, (r) => typeNames.indexOf(r.type)), typeNames, attributes };
}

/** Restores `elements` and `relations` (copies of a model's) in one of the forms. */
function restoreAs(
  form: RestoreForm,
  elements: Element[],
  relations: Relation[],
  origins: Parameters<typeof Model.restore>[3],
): Model {
  const index = new Map(elements.map((e, i) => [e.id, i]));
  const ends =
    form === 'ids'
      ? undefined
      : Int32Array.from(relations.flatMap((r) => [index.get(r.source)!, index.get(r.target)!]));
  return Model.restore(
    defaultMetamodel(),
    form === 'all-rows' ? elementRowsOf(elements) : elements,
    form === 'rows' || form === 'all-rows' ? rowsOf(relations) : relations,
    origins,
    ends,
  );
}

function expectAgrees(model: Model, ref: Reference): void {
  expect([...model.elementIds()].sort()).toEqual([...ref.elements.keys()].sort());
  expect(model.elementCount).toBe(ref.elements.size);
  expect(model.relationCount).toBe(ref.relations.size);
  for (const [id, element] of ref.elements) {
    expect(model.getElement(id).name).toBe(element.name);
    expect(model.getElement(id)).toBe(model.findElement(id));
    expect(Object.isFrozen(model.getElement(id)) && Object.isFrozen(model.getElement(id).attributes)).toBe(
      true,
    );
    const out = [...ref.relations.values()].filter((r) => r.source === id);
    const into = [...ref.relations.values()].filter((r) => r.target === id);
    expect(sortedKeys(model.outRelations(id))).toEqual(sortedKeys(out));
    expect(sortedKeys(model.inRelations(id))).toEqual(sortedKeys(into));
    for (const r of model.outRelations(id))
      expect(r.attributes).toEqual(ref.relations.get(relationKey(r))!.attributes);
  }
  // forEachElement walks the same adjacency without look-ups: every element once, in insertion order.
  const walked: [string, readonly Relation[], readonly Relation[]][] = [];
  model.forEachElement((element, out, into) => walked.push([element.id, out, into]));
  expect(walked).toEqual(
    [...model.elementIds()].map((id) => [id, model.outRelations(id), model.inRelations(id)]),
  );
  for (const [key, r] of ref.relations) {
    expect(model.findRelation(r)?.attributes).toEqual(r.attributes);
    expect(relationKey(model.findRelation(r)!)).toBe(key);
  }
  // forEachRelation gives the parts of the relations relations() gives, in the same order; every relation
  // handed out is frozen, and is the one object whoever asks for it.
  const visited: unknown[][] = [];
  model.forEachRelation((type, source, target, attributes) =>
    visited.push([type, source, target, attributes]),
  );
  expect(visited).toEqual([...model.relations()].map((r) => [r.type, r.source, r.target, r.attributes]));
  // With `withAttributes`, the same walk keeps only the relations that have an attribute.
  const attributed: unknown[][] = [];
  model.forEachRelation((...parts) => attributed.push(parts), { withAttributes: true });
  expect(attributed).toEqual(visited.filter((parts) => Object.keys(parts[3]!).length > 0));
  for (const r of model.relations()) {
    expect(Object.isFrozen(r) && Object.isFrozen(r.attributes)).toBe(true);
    expect(model.findRelation(r)).toBe(r);
    expect(model.outRelations(r.source)).toContain(r);
    expect(model.inRelations(r.target)).toContain(r);
  }
  // The graphology view, whether built before the changes (and kept up to date) or now.
  const graph = model.graph;
  expect(graph.nodes().sort()).toEqual([...ref.elements.keys()].sort());
  expect(graph.edges().sort()).toEqual([...ref.relations.keys()].sort());
  for (const [key, r] of ref.relations) {
    expect(graph.getEdgeAttribute(key, 'relation')).toBe(model.findRelation(r));
    expect([graph.source(key), graph.target(key)]).toEqual([r.source, r.target]);
  }
  for (const id of ref.elements.keys())
    expect(graph.getNodeAttribute(id, 'element')).toBe(model.getElement(id));
}

describe("the model's own adjacency and its graphology view", () => {
  test('agree with what the operations mean, whenever the view is built', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const model = new Model(defaultMetamodel());
        const ref: Reference = { elements: new Map(), relations: new Map() };
        for (const o of ops) apply(model, ref, o);
        expectAgrees(model, ref);
      }),
      { numRuns: 300 },
    );
  });

  test('a clone has the same adjacency and changes apart from the original', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 20 }), (before, after) => {
        const model = new Model(defaultMetamodel());
        const ref: Reference = { elements: new Map(), relations: new Map() };
        for (const o of before) apply(model, ref, o);
        const copy = model.clone();
        const copyRef: Reference = { elements: new Map(ref.elements), relations: new Map(ref.relations) };
        for (const o of after) apply(copy, copyRef, o);
        expectAgrees(model, ref);
        expectAgrees(copy, copyRef);
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    ['looked up by id', 'ids'],
    ['given as element indexes', 'ends'],
    ['given as element indexes, the relations as rows', 'rows'],
    ['given as element indexes, the elements and relations as rows', 'all-rows'],
  ] as const)(
    'a restored model, its relation ends %s, answers as the model it was taken from, before and after changes',
    (_how, form) => {
      const withEnds = form !== 'ids';
      fc.assert(
        fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 20 }), (before, after) => {
          const model = new Model(defaultMetamodel());
          const ref: Reference = { elements: new Map(), relations: new Map() };
          for (const o of before) apply(model, ref, o);
          const elements = [...model.elements()].map((e) => ({ ...e }));
          const relations = [...model.relations()].map((r) => ({ ...r }));
          const at = (file: string, line: number) => ({ file, line, column: 1 });
          const restored = restoreAs(form, elements, relations, {
            element: (i) => (i % 2 === 0 ? at('e.yaml', i + 1) : undefined),
            relation: (i) => at('r.yaml', i + 1),
          });
          expect(model.restoredLayout()).toBeUndefined();
          expect([...restored.relations()].map(relationKey)).toEqual([...model.relations()].map(relationKey));
          for (const [i, e] of elements.entries())
            expect(restored.originOfElement(e.id)).toEqual(i % 2 === 0 ? at('e.yaml', i + 1) : undefined);
          for (const [i, r] of relations.entries())
            expect(restored.originOfRelation(r)).toEqual(at('r.yaml', i + 1));
          const restoredRef: Reference = {
            elements: new Map(ref.elements),
            relations: new Map(ref.relations),
          };
          expectAgrees(restored, restoredRef);
          const fresh = restoreAs(form, elements, relations, {
            element: () => undefined,
            relation: () => undefined,
          });
          expectLayout(fresh, withEnds);
          for (const o of after) apply(fresh, restoredRef, o);
          expectAgrees(fresh, restoredRef);
          // The layout is the model's only while nothing changed: after a change it is not given.
          if (fresh.revision !== 0) expect(fresh.restoredLayout()).toBeUndefined();
          else expectLayout(fresh, withEnds);
        }),
        { numRuns: 150 },
      );
    },
  );

  test.each([
    ['as objects', 'ends'],
    ['as rows', 'rows'],
    ['as rows, with the elements', 'all-rows'],
  ] as const)(
    'a restored model, its relations given %s, walks, lists and changes its relations in the order of the model it was taken from',
    (_how, form) => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 10 }), (before, after) => {
          const model = new Model(defaultMetamodel());
          const ref: Reference = { elements: new Map(), relations: new Map() };
          for (const o of before) apply(model, ref, o);
          const elements = [...model.elements()].map((e) => ({ ...e }));
          const relations = [...model.relations()].map((r) => ({ ...r }));
          const none = { element: () => undefined, relation: () => undefined };
          const restored = restoreAs(form, elements, relations, none);
          const lists = (m: Model) => {
            const walked: string[][][] = [];
            m.forEachElement((e, out, into) =>
              walked.push([[e.id], out.map(relationKey), into.map(relationKey)]),
            );
            return walked;
          };
          const byId = (m: Model) =>
            [...m.elementIds()].map((id) => [
              [id],
              m.outRelations(id).map(relationKey),
              m.inRelations(id).map(relationKey),
            ]);
          // Walked before any list is asked for (made for the walk), then asked by id (made and kept),
          // then walked again: the same lists, in the order the relations were added.
          expect(lists(restored)).toEqual(byId(model));
          expect(byId(restored)).toEqual(byId(model));
          expect(lists(restored)).toEqual(byId(model));
          const id = elements[0]?.id;
          if (id !== undefined) expect(restored.outRelations(id)).toBe(restored.outRelations(id));
          for (const o of after) {
            apply(model, { elements: new Map(ref.elements), relations: new Map(ref.relations) }, o);
            apply(restored, ref, o);
          }
          expect(lists(restored)).toEqual(byId(model));
          expectAgrees(restored, ref);
        }),
        { numRuns: 200 },
      );
    },
  );

  test("relation ends that do not name the relation's elements are refused, not laid out", () => {
    const elements = ['A', 'B'].map((id) => ({ id, kind: 'Service', name: id, attributes: {} }));
    const relations = [{ type: 'dependsOn', source: 'A', target: 'B', attributes: {} }];
    const none = { element: () => undefined, relation: () => undefined };
    expect(() => Model.restore(defaultMetamodel(), elements, relations, none, Int32Array.of(1, 0))).toThrow(
      /relation 0 does not join the elements its indexes name/,
    );
    expect(() => Model.restore(defaultMetamodel(), elements, relations, none, Int32Array.of(0, 7))).toThrow(
      /index 7 names no element/,
    );
    expect(() => Model.restore(defaultMetamodel(), elements, relations, none, Int32Array.of(0))).toThrow(
      /expected 2 indexes, got 1/,
    );
    const model = Model.restore(defaultMetamodel(), elements, relations, none, Int32Array.of(0, 1));
    expect(model.outRelations('A').map((r) => r.target)).toEqual(['B']);
    expect(model.inRelations('B').map((r) => r.source)).toEqual(['A']);
  });

  test('relations given as rows are refused when an end or a type number names nothing', () => {
    const elements = ['A', 'B'].map((id) => ({ id, kind: 'Service', name: id, attributes: {} }));
    const none = { element: () => undefined, relation: () => undefined };
    const rows = (types: number[]): RelationRows => ({
      types: Int32Array.from(types),
      typeNames: ['dependsOn'],
      attributes: new Map(),
    });
    expect(() => Model.restore(defaultMetamodel(), elements, rows([0]), none, Int32Array.of(0, 2))).toThrow(
      /index 2 names no element/,
    );
    expect(() => Model.restore(defaultMetamodel(), elements, rows([0]), none, Int32Array.of(0))).toThrow(
      /expected 2 indexes, got 1/,
    );
    expect(() => Model.restore(defaultMetamodel(), elements, rows([1]), none, Int32Array.of(0, 1))).toThrow(
      /relation type 1 is not named/,
    );
    expect(() => Model.restore(defaultMetamodel(), elements, rows([0]), none)).toThrow(/need their ends/);
    const model = Model.restore(defaultMetamodel(), elements, rows([0]), none, Int32Array.of(1, 0));
    expect(model.outRelations('B')).toEqual([
      { type: 'dependsOn', source: 'B', target: 'A', attributes: {} },
    ]);
  });

  test('a restored model gives no layout when an id is given twice (its indexes would not name one node each)', () => {
    const elements = ['A', 'B', 'A'].map((id) => ({ id, kind: 'Service', name: id, attributes: {} }));
    const relations = [{ type: 'dependsOn', source: 'A', target: 'B', attributes: {} }];
    const none = { element: () => undefined, relation: () => undefined };
    const model = Model.restore(defaultMetamodel(), elements, relations, none, Int32Array.of(2, 1));
    expect(model.elementCount).toBe(2);
    expect(model.restoredLayout()).toBeUndefined();
  });

  test.each([
    ['asked first', []],
    ['after a change of kind', [['put', 'C', 'Role']]],
    ['after a removal', [['remove', 'A']]],
    [
      'after both',
      [
        ['remove', 'E'],
        ['put', 'A', 'Role'],
        ['put', 'F', 'Service'],
      ],
    ],
  ] as const)(
    'a restored model answers by kind as a model built one element at a time does (%s)',
    (_how, changes) => {
      const kinds = [
        ['A', 'Service'],
        ['B', 'Role'],
        ['C', 'Service'],
        ['D', 'Role'],
        ['E', 'Service'],
      ];
      const element = (id: string, kind: string): Element => ({ id, kind, name: id, attributes: {} });
      const built = new Model(defaultMetamodel());
      for (const [id, kind] of kinds) built.addElement(element(id!, kind!));
      const none = { element: () => undefined, relation: () => undefined };
      const restored = Model.restore(
        defaultMetamodel(),
        kinds.map(([id, kind]) => element(id!, kind!)),
        [],
        none,
      );
      for (const model of [built, restored])
        for (const change of changes)
          if (change[0] === 'put') model.putElement(element(change[1], change[2]));
          else model.removeElement(change[1]);
      for (const kind of ['Service', 'Role', 'Interface'])
        expect([...restored.idsOfKind(kind)]).toEqual([...built.idsOfKind(kind)]);
      expect([...built.idsOfKind('Service')].length).toBeGreaterThan(0);
    },
  );

  test('a self-loop is one relation, out of and into its element, and goes with it', () => {
    const model = new Model(defaultMetamodel());
    model.addElement({ id: 'A', kind: 'Service', name: 'a', attributes: {} });
    model.addRelation({ type: 'dependsOn', source: 'A', target: 'A', attributes: {} });
    expect(model.outRelations('A').map(relationKey)).toEqual([
      relationKey({ type: 'dependsOn', source: 'A', target: 'A' }),
    ]);
    expect(model.inRelations('A')).toEqual(model.outRelations('A'));
    expect(relationsOf(model, 'A').map((v) => `${v.direction} ${v.name} ${v.other}`)).toEqual([
      'in dependencyOf A', // sorted by name: dependencyOf < dependsOn
      'out dependsOn A',
    ]);
    model.removeElement('A');
    expect(model.relationCount).toBe(0);
    expect(model.outRelations('A')).toEqual([]);
  });

  test('the revision moves on every change and stays put on reads', () => {
    const model = new Model(defaultMetamodel());
    const seen = new Set([model.revision]);
    const changed = () => {
      expect(seen.has(model.revision)).toBe(false);
      seen.add(model.revision);
    };
    model.addElement({ id: 'A', kind: 'Service', name: 'a', attributes: {} });
    changed();
    model.addElement({ id: 'B', kind: 'Service', name: 'b', attributes: {} });
    changed();
    model.addRelation({ type: 'dependsOn', source: 'A', target: 'B', attributes: {} });
    changed();
    const before = model.revision;
    model.graph;
    [...model.elements()];
    model.outRelations('A');
    expect(model.revision).toBe(before);
    model.putRelation({ type: 'dependsOn', source: 'A', target: 'B', attributes: { note: 'n' } });
    changed();
    model.putElement({ id: 'B', kind: 'Role', name: 'b', attributes: {} });
    changed();
    expect([...model.idsOfKind('Service')]).toEqual(['A']);
    model.removeRelation({ type: 'dependsOn', source: 'A', target: 'B' });
    changed();
    model.removeElement('B');
    changed();
  });

  test('reading the relations of an unknown id gives none, as elements without relations do', () => {
    const model = new Model(defaultMetamodel());
    model.addElement({ id: 'A', kind: 'Service', name: 'a', attributes: {} });
    expect(model.outRelations('A')).toEqual([]);
    expect(model.inRelations('NOPE')).toEqual([]);
  });
});
