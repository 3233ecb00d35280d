import { type AttributeValue, defaultMetamodel, type Element, Model } from '@tracery/core';
import { DEFAULT_KINDS, DEFAULT_RELATION_TYPES } from '@tracery/core/advanced';
import fc from 'fast-check';

// Valid Unicode only: Neo4j stores text as UTF-8, which has no lone surrogates.
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  text,
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
);
// Declared keys (ProcessStep.order is an integer, Interface.version a string) mixed with free ones.
const attributeKey = fc.oneof(
  fc.constantFrom('order', 'version', 'length', 'shortName'),
  fc.stringMatching(/^[a-z][A-Za-z0-9 _`-]{0,8}$/),
);

const element = (id: string): fc.Arbitrary<Element> =>
  fc.record(
    {
      id: fc.constant(id),
      kind: fc.constantFrom(...DEFAULT_KINDS.map((k) => k.name)),
      name: text,
      description: text,
      status: fc.constantFrom('draft', 'approved'),
      owner: text,
      tranche: fc.constantFrom('T1', 'T2'),
      tags: fc.array(text, { maxLength: 3 }),
      attributes: fc.dictionary(attributeKey, attributeValue, { maxKeys: 4 }),
    },
    { requiredKeys: ['id', 'kind', 'name', 'attributes'] },
  );

/**
 * Small models over the default metamodel: up to `maxElements` elements of any kind with every
 * field optional, random attributes of every value type, and relations of any type between them.
 */
export function arbitraryModel(maxElements = 8): fc.Arbitrary<Model> {
  return fc
    .uniqueArray(fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,3}$/), { minLength: 1, maxLength: maxElements })
    .chain((ids) =>
      fc.tuple(
        fc.tuple(...ids.map(element)),
        fc.array(
          fc.record({
            source: fc.constantFrom(...ids),
            type: fc.constantFrom(...DEFAULT_RELATION_TYPES.map((t) => t.name)),
            target: fc.constantFrom(...ids),
            attributes: fc.dictionary(fc.constantFrom('note', 'weight', 'nature'), attributeValue, {
              maxKeys: 2,
            }),
          }),
          { maxLength: ids.length * 2 },
        ),
      ),
    )
    .map(([elements, relations]) => {
      const model = new Model(defaultMetamodel());
      for (const e of elements) model.addElement(e);
      for (const r of relations) model.addRelation(r);
      // A counterexample prints as its elements and relations, not as the whole metamodel.
      Object.defineProperty(model, fc.toStringMethod, {
        value: () => fc.stringify({ elements: [...model.elements()], relations: [...model.relations()] }),
      });
      return model;
    });
}
