import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultMetamodel, type Element, Model } from '../../src/index.js';
import { columnsOf } from '../../src/model/element-columns.js';
import { IdTable, idHash } from '../../src/model/id-table.js';

// A model restored from the whole-load cache finds elements by id in a table the cache wrote (see
// IdTable) instead of a map built at every load. It must answer every question by id as a model given a
// map does, before and after changes, and a table that places ids wrongly must never give a wrong
// element: only what the table finds is taken, the rest is asked of a map built then.

/** Distinct ids, some sharing a hash slot, some outside ASCII (the hash reads UTF-16 code units). */
const ids = fc.uniqueArray(
  fc.oneof(fc.stringMatching(/^(REQ|DSN|IMPL)-r[0-9]{1,4}a?$/), fc.string({ unit: 'binary', maxLength: 6 })),
  { maxLength: 60 },
);
const absent = fc.oneof(fc.constant('NOT-THERE'), fc.string({ maxLength: 4 }));

const elementsOf = (list: readonly string[]): Element[] =>
  list.map((id, i) => ({ id, kind: 'Service', name: `n${i}`, attributes: {} }));

/** A restored model whose elements are rows, found by id through `index` (a map, the places of a table, or none). */
function restored(elements: readonly Element[], index?: Map<string, number> | Int32Array): Model {
  const make = (i: number): Element => ({ ...elements[i]! });
  const relations = { types: new Int32Array(0), typeNames: [], attributes: new Map() };
  const none = { element: () => undefined, relation: () => undefined };
  return Model.restore(
    defaultMetamodel(),
    { ...columnsOf(elements), make },
    relations,
    none,
    new Int32Array(0),
    index,
  );
}

/** What a user asks a model by id, for the ids given. */
function answers(model: Model, asked: readonly string[]) {
  const walked: string[] = [];
  model.forEachElement((element) => walked.push(element.id));
  return {
    count: model.elementCount,
    ids: [...model.elementIds()],
    elements: [...model.elements()].map((e) => e.id),
    walked,
    found: asked.map((id) => [model.hasElement(id), model.findElement(id)?.name]),
  };
}

describe('the id table of a restored model', () => {
  test('finds every id at its index, and no id that is not there', () => {
    fc.assert(
      fc.property(ids, fc.array(absent, { maxLength: 5 }), (list, others) => {
        const table = IdTable.over(IdTable.placesOf(list), list.length, (i) => list[i])!;
        expect(list.map((id) => table.find(id))).toEqual(list.map((_, i) => i));
        for (const id of others) if (!list.includes(id)) expect(table.find(id)).toBeUndefined();
      }),
    );
  });

  test.each([
    ['not a power of two', new Int32Array(6), 2],
    ['fewer than twice as many places as ids', new Int32Array(4), 3],
  ])('is not made over places %s', (_why, places, count) => {
    expect(IdTable.over(places, count, String)).toBeUndefined();
  });

  test('hashes by UTF-16 code units, the same in every process (FNV-1a)', () => {
    expect(idHash('')).toBe(0x811c9dc5);
    expect(idHash('a')).toBe(0xe40c292c);
    expect(idHash('\u00e9')).not.toBe(idHash('e'));
  });

  test('a model restored with a table answers by id as one restored with a map, before and after changes', () => {
    fc.assert(
      fc.property(ids, fc.array(absent, { maxLength: 4 }), fc.boolean(), (list, others, put) => {
        const elements = elementsOf(list);
        const asked = [...list, ...others];
        const withMap = restored(elements, new Map(list.map((id, i) => [id, i])));
        const withTable = restored(elements, IdTable.placesOf(list));
        expect(answers(withTable, asked)).toEqual(answers(withMap, asked));
        for (const model of [withMap, withTable]) {
          if (put) model.putElement({ id: 'ADDED', kind: 'Service', name: 'added', attributes: {} });
          else if (list.length > 0) model.removeElement(list[0]!);
        }
        expect(answers(withTable, [...asked, 'ADDED'])).toEqual(answers(withMap, [...asked, 'ADDED']));
      }),
    );
  });

  test('a table that places every id wrongly still gives the right element, or none', () => {
    fc.assert(
      fc.property(ids, fc.array(absent, { maxLength: 4 }), (list, others) => {
        const elements = elementsOf(list);
        const asked = [...list, ...others];
        // Made for the ids in reverse: each place names the index of another id (or of itself, in the middle).
        const wrong = IdTable.placesOf([...list].reverse());
        const expected = answers(restored(elements), asked);
        expect(answers(restored(elements, wrong), asked)).toEqual(expected);
        expect(answers(restored(elements, new Int32Array(3)), asked)).toEqual(expected);
      }),
    );
  });
});
