import { defaultMetamodel, type Metamodel } from '@tracery/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { elementFileSchema } from '../../src/metamodel/element-schema.js';
import { extendMetamodel } from '../../src/metamodel/metamodel-extension.js';
import { elementFastCheck } from '../../src/repository/element-fast-check.js';

// The element reader asks zod only when the fast check does not vouch for an element. So the fast
// check must never vouch for an element that zod refuses (its diagnostics would be lost); and it must
// vouch for plain elements, or it saves nothing.

const extended: Metamodel = extendMetamodel(defaultMetamodel(), {
  kinds: {
    Gadget: {
      description: 'every attribute type',
      attributes: {
        count: { type: 'integer', required: true },
        weight: { type: 'number' },
        live: { type: 'boolean' },
        due: { type: 'date' },
        labels: { type: 'string-list' },
        colour: { type: 'enum', values: ['red', 'green'] },
        text: { type: 'string' },
      },
    },
  },
  relationTypes: {
    powers: {
      inverse: 'poweredBy',
      from: ['Gadget'],
      to: '*',
      impact: { forward: 'none', backward: 'none' },
      description: '',
      attributes: { watts: { type: 'integer' } },
    },
  },
}).metamodel;

const oddNumbers = [
  0,
  -0,
  1,
  -7,
  1.5,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e300,
  Number.NaN,
  Infinity,
  -Infinity,
];
const texts = [
  '',
  ' ',
  'x',
  'red',
  'green',
  'RED',
  '2024-01-31',
  '2024-02-30',
  '2024-13-01',
  '24-01-01',
  'draft',
  'approved',
  'SVC-0001',
];
const scalar = fc.oneof(
  fc.constantFrom(...texts),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(...oddNumbers),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 3 }),
  fc.array(fc.constantFrom(...texts), { maxLength: 3 }),
  fc.record({ id: fc.constantFrom('A', 'B') }),
  fc.record({ id: fc.constantFrom('A', 1), note: fc.constantFrom('n', 2) }),
  fc.constant({}),
);

describe('the fast check of an element', () => {
  const cases = [defaultMetamodel(), extended].flatMap((metamodel) =>
    [...metamodel.kinds.values()].map((kind) => [kind.name, metamodel, kind] as const),
  );

  test.each(cases)(
    'never vouches for a %s that zod refuses, and vouches for plain ones',
    (_, metamodel, kind) => {
      const schema = elementFileSchema(metamodel, kind, { checkIdPattern: false });
      const check = elementFastCheck(metamodel, kind, schema.shape);
      const keys = Object.keys(schema.shape);
      // Plain elements: every field of the right type, relations as ids.
      const plain: Record<string, unknown> = { id: 'X-1', kind: kind.name, name: 'x' };
      for (const [key, def] of Object.entries(kind.attributes)) {
        const samples = { string: 's', integer: 3, number: 2.5, boolean: true, date: '2024-01-31' };
        plain[key] =
          def.type === 'enum' ? def.values?.[0] : def.type === 'string-list' ? ['a'] : samples[def.type];
      }
      for (const key of keys) if (metamodel.relationNames.has(key)) plain[key] = ['A', 'B'];
      expect(schema.safeParse(plain).success).toBe(true);
      expect(check(plain)).toBe(true);
      let vouched = 0;
      fc.assert(
        fc.property(
          fc.boolean(),
          fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 }),
          fc.constantFrom('SVC-1', '', 1),
          fc.constantFrom(kind.name, 'Other'),
          fc.option(fc.constantFrom('a name', 3), { nil: undefined }),
          (fromPlain, fields, id, kindName, name) => {
            // From a plain element with a few fields changed, or from nothing.
            const known: Record<string, unknown> = fromPlain
              ? { ...plain, ...fields }
              : { ...fields, id, kind: kindName };
            if (!fromPlain && name !== undefined) known.name = name;
            if (check(known)) {
              vouched++;
              expect(schema.safeParse(known).success).toBe(true);
            }
          },
        ),
        { numRuns: 500 },
      );
      expect(vouched).toBeGreaterThan(20);
    },
  );
});
