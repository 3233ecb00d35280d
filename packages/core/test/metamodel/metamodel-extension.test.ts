import { defaultMetamodel, InvalidArgumentError } from '@tracery/core';
import {
  createMetamodel,
  DEFAULT_KINDS,
  DEFAULT_RELATION_TYPES,
  extendMetamodel,
  isRelationAllowed,
} from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';

describe('defaultMetamodel', () => {
  test('holds the 13 kinds and 14 relation types of DESIGN.md, each relation readable by its inverse', () => {
    const mm = defaultMetamodel();
    expect([...mm.kinds.keys()].sort()).toEqual([
      'Artefact',
      'BusinessProcess',
      'ChangeRequest',
      'DataEntity',
      'DataItem',
      'Decision',
      'Interface',
      'Principle',
      'ProcessStep',
      'Requirement',
      'Role',
      'Service',
      'TestCase',
    ]);
    expect(mm.relationTypes.size).toBe(14);
    expect(mm.relationNames.get('sentBy')).toMatchObject({ inverse: true, type: { name: 'sends' } });
    expect(mm.relationTypes.get('carries')?.impact).toEqual({ forward: 'none', backward: 'propagate' });
  });

  test.each([
    ['carries', 'Interface', 'DataItem', true],
    ['carries', 'DataItem', 'Interface', false],
    ['governedBy', 'Interface', 'Principle', true],
    ['changes', 'ChangeRequest', 'Interface', true],
    ['verifies', 'TestCase', 'Service', false],
  ])('isRelationAllowed(%s, %s -> %s) is %s', (type, from, to, allowed) => {
    expect(isRelationAllowed(defaultMetamodel(), type, from, to)).toBe(allowed);
  });

  test('createMetamodel refuses a relation name used twice, as a programming error', () => {
    const clash = { ...DEFAULT_RELATION_TYPES[0]!, name: 'other', inverse: 'sentBy' };
    expect(() => createMetamodel(DEFAULT_KINDS, [...DEFAULT_RELATION_TYPES, clash])).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('extendMetamodel', () => {
  test('adds kinds, attributes, id patterns, relation types and wider relation ends', () => {
    const { metamodel, problems } = extendMetamodel(defaultMetamodel(), {
      kinds: { MarketMessage: { description: 'A DIP message', attributes: { schema: { type: 'string' } } } },
      attributes: { Interface: { dipVersion: { type: 'string' } } },
      idPatterns: { Interface: '^IF-\\d{3}$' },
      relationTypes: {
        implements: {
          inverse: 'implementedBy',
          from: ['MarketMessage'],
          to: ['Interface'],
          impact: { forward: 'none', backward: 'propagate' },
          description: '',
          attributes: {},
        },
      },
      relationEnds: { carries: { from: ['MarketMessage'] } },
    });
    expect(problems).toEqual([]);
    expect(metamodel.kinds.get('Interface')).toMatchObject({
      idPattern: '^IF-\\d{3}$',
      attributes: { dipVersion: { type: 'string' }, channel: { type: 'enum' } },
    });
    expect(isRelationAllowed(metamodel, 'implements', 'MarketMessage', 'Interface')).toBe(true);
    expect(isRelationAllowed(metamodel, 'carries', 'MarketMessage', 'DataItem')).toBe(true);
    expect(defaultMetamodel().kinds.has('MarketMessage')).toBe(false);
  });

  test('reports every problem by its path and leaves the broken parts out', () => {
    const { metamodel, problems } = extendMetamodel(defaultMetamodel(), {
      kinds: { Interface: { description: '', attributes: {} } },
      attributes: { Intreface: { x: { type: 'string' } }, Interface: { sends: { type: 'string' } } },
      idPatterns: { Service: '([' },
      relationTypes: {
        feeds: {
          inverse: 'fedBy',
          from: ['Sevrice'],
          to: ['Interface'],
          impact: { forward: 'propagate', backward: 'propagate' },
          description: '',
          attributes: {},
        },
        carries2: {
          inverse: 'sentBy',
          from: '*',
          to: '*',
          impact: { forward: 'none', backward: 'none' },
          description: '',
          attributes: {},
        },
      },
      relationEnds: { nope: { from: ['Service'] } },
    });
    expect(problems.map((p) => p.path.join('.'))).toEqual([
      'kinds.Interface',
      'attributes.Intreface',
      'attributes.Interface.sends',
      'idPatterns.Service',
      'relationTypes.feeds.from.0',
      'relationTypes.carries2.inverse',
      'relationEnds.nope',
    ]);
    expect(problems[1]!.message).toContain('unknown kind "Intreface"');
    expect(metamodel.relationTypes.has('feeds')).toBe(false);
    expect(metamodel.kinds.get('Service')?.idPattern).toBeUndefined();
  });
});
