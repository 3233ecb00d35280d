import { defaultMetamodel } from '@tracery/core';
import { extendMetamodel } from '@tracery/core/advanced';
import { jsonSchemas } from '@tracery/core/schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';

const ajv = new Ajv2020({ strict: false, allErrors: true });

describe('jsonSchemas', () => {
  test('the model schema accepts a valid model file and rejects the mistakes the loader rejects', () => {
    const validate = ajv.compile(jsonSchemas(defaultMetamodel()).model);
    const file = (element: Record<string, unknown>) => ({
      elements: [{ id: 'IF-021', kind: 'Interface', name: 'UTC data', ...element }],
    });
    expect(
      validate(file({ channel: 'DIP', sentBy: ['SDS'], carries: [{ id: 'DI-0102', note: 'per period' }] })),
    ).toBe(true);
    expect(validate(file({ channel: 'DIPP' }))).toBe(false);
    expect(validate(file({ carry: ['DI-0102'] }))).toBe(false);
    expect(validate(file({ performs: ['BP001'] }))).toBe(false);
    expect(validate({ elements: [{ id: 'X', kind: 'Nope', name: 'x' }] })).toBe(false);
    expect(validate({ relations: [{ from: 'SDS', type: 'sends', to: 'IF-021' }] })).toBe(true);
  });

  test("includes the repository's extensions: new kinds, attributes and id patterns", () => {
    const { metamodel } = extendMetamodel(defaultMetamodel(), {
      kinds: { MarketMessage: { description: 'A DIP message', attributes: {} } },
      attributes: { Interface: { dipVersion: { type: 'integer' } } },
      idPatterns: { Interface: '^IF-\\d{3}$' },
    });
    const validate = ajv.compile(jsonSchemas(metamodel).model);
    expect(validate({ elements: [{ id: 'MM-1', kind: 'MarketMessage', name: 'x' }] })).toBe(true);
    expect(validate({ elements: [{ id: 'IF-021', kind: 'Interface', name: 'x', dipVersion: 2 }] })).toBe(
      true,
    );
    expect(validate({ elements: [{ id: 'IF-021', kind: 'Interface', name: 'x', dipVersion: 'two' }] })).toBe(
      false,
    );
    expect(validate({ elements: [{ id: 'IF-21', kind: 'Interface', name: 'x' }] })).toBe(false);
  });

  test('the config schema accepts a tracery.yaml with extensions and rejects an unknown section', () => {
    const validate = ajv.compile(jsonSchemas(defaultMetamodel()).config);
    expect(validate({ name: 'MHHS', metamodel: { idPatterns: { Interface: '^IF-' } } })).toBe(true);
    expect(validate({ name: 'MHHS', rulez: {} })).toBe(false);
    expect(validate({})).toBe(false);
  });

  test("the config schema checks the impact section against the metamodel's relation types, names and kinds", () => {
    const { metamodel } = extendMetamodel(defaultMetamodel(), {
      relationTypes: {
        routes: {
          inverse: 'routedBy',
          from: ['Service'],
          to: ['Interface'],
          impact: { forward: 'notify', backward: 'none' },
          description: '',
          attributes: {},
        },
      },
    });
    const validate = ajv.compile(jsonSchemas(metamodel).config);
    const impact = (section: Record<string, unknown>) => validate({ name: 'MHHS', impact: section });
    expect(impact({ effects: { partOf: { backward: 'notify' }, routes: { forward: 'propagate' } } })).toBe(
      true,
    );
    expect(impact({ effects: { carry: { backward: 'none' } } })).toBe(false);
    expect(impact({ effects: { uses: { backward: 'spread' } } })).toBe(false);
    expect(impact({ effects: { uses: { sideways: 'none' } } })).toBe(false);
    expect(impact({ followUps: ['verifiedBy', 'documentedIn'], stopAtKinds: ['Principle'] })).toBe(true);
    expect(impact({ followUps: ['documentIn'] })).toBe(false);
    expect(impact({ stopAtKinds: ['Interfaces'] })).toBe(false);
  });
});
