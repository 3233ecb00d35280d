import {
  defaultMetamodel,
  findElements,
  InvalidArgumentError,
  Model,
  NotFoundError,
  related,
  relationsOf,
} from '@tracery/core';
import { describe, expect, test } from 'vitest';

function mhhsFragment(): Model {
  const model = new Model(defaultMetamodel());
  const el = (id: string, kind: string, name: string, attributes = {}, extra = {}) =>
    model.addElement({ id, kind, name, attributes, ...extra });
  el('SDS', 'Service', 'Smart Data Service');
  el('ADS', 'Service', 'Advanced Data Service');
  el('MDS', 'Service', 'Market-wide Data Service');
  el('SUP', 'Role', 'Supplier');
  el('IF-021', 'Interface', 'UTC Settlement Period Consumption Data', { channel: 'DIP' }, { tranche: 'T1' });
  el('IF-033', 'Interface', 'REGS Request for Service Appointment', { channel: 'DIP' }, { tranche: 'T2' });
  el('DI-0102', 'DataItem', 'UTC Settlement Period');
  const rel = (source: string, type: string, target: string) =>
    model.addRelation({ type, source, target, attributes: {} });
  rel('SDS', 'sends', 'IF-021');
  rel('ADS', 'sends', 'IF-021');
  rel('MDS', 'receives', 'IF-021');
  rel('SUP', 'receives', 'IF-021');
  rel('IF-021', 'carries', 'DI-0102');
  return model;
}

describe('Model', () => {
  test('gets elements by id and throws a NotFoundError for an unknown id', () => {
    const model = mhhsFragment();
    expect(model.getElement('IF-021').name).toBe('UTC Settlement Period Consumption Data');
    expect(model.findElement('IF-999')).toBeUndefined();
    expect(() => model.getElement('IF-999')).toThrow(NotFoundError);
  });

  test('hands out frozen elements, so a change is always a replacement', () => {
    const model = mhhsFragment();
    const element = model.getElement('IF-021');
    expect(Object.isFrozen(element)).toBe(true);
    expect(Object.isFrozen(element.attributes)).toBe(true);
    model.putElement({ ...element, name: 'Renamed' });
    expect(model.getElement('IF-021').name).toBe('Renamed');
    expect(related(model, 'IF-021', 'sentBy')).toEqual(['ADS', 'SDS']);
  });

  test('refuses a relation whose end is missing, and ignores an exact duplicate', () => {
    const model = mhhsFragment();
    expect(() =>
      model.addRelation({ type: 'sends', source: 'NOPE', target: 'IF-021', attributes: {} }),
    ).toThrow(NotFoundError);
    expect(() =>
      model.addRelation({ type: 'sendz', source: 'SDS', target: 'IF-021', attributes: {} }),
    ).toThrow(InvalidArgumentError);
    expect(model.addRelation({ type: 'sends', source: 'SDS', target: 'IF-021', attributes: {} })).toBe(false);
    expect(model.relationCount).toBe(5);
  });

  test('removing an element removes its relations', () => {
    const model = mhhsFragment();
    model.removeElement('IF-021');
    expect(model.relationCount).toBe(0);
    expect(model.idsOfKind('Interface')).toEqual(new Set(['IF-033']));
  });

  test('clone is independent of the original', () => {
    const model = mhhsFragment();
    const copy = model.clone();
    copy.removeElement('SDS');
    expect(model.hasElement('SDS')).toBe(true);
    expect(copy.relationCount).toBe(4);
  });
});

describe('queries', () => {
  test('findElements filters by kind and by attribute or base field, sorted by id', () => {
    const model = mhhsFragment();
    expect(findElements(model, { kind: 'Service' }).map((e) => e.id)).toEqual(['ADS', 'MDS', 'SDS']);
    expect(findElements(model, { attributes: { channel: 'DIP', tranche: 'T2' } }).map((e) => e.id)).toEqual([
      'IF-033',
    ]);
    expect(findElements(model, { kind: ['Role', 'DataItem'] }).map((e) => e.id)).toEqual(['DI-0102', 'SUP']);
    expect(findElements(model, { where: (e) => e.name.startsWith('UTC') }).map((e) => e.id)).toEqual([
      'DI-0102',
      'IF-021',
    ]);
  });

  test('relationsOf reads by type, by inverse name and by direction', () => {
    const model = mhhsFragment();
    expect(relationsOf(model, 'IF-021', { type: 'receivedBy' }).map((v) => v.other)).toEqual(['MDS', 'SUP']);
    expect(relationsOf(model, 'SDS', { type: 'sends' }).map((v) => [v.name, v.other])).toEqual([
      ['sends', 'IF-021'],
    ]);
    expect(relationsOf(model, 'IF-021', { direction: 'out' }).map((v) => v.name)).toEqual(['carries']);
    expect(relationsOf(model, 'IF-021').map((v) => `${v.name} ${v.other}`)).toEqual([
      'carries DI-0102',
      'receivedBy MDS',
      'receivedBy SUP',
      'sentBy ADS',
      'sentBy SDS',
    ]);
    expect(() => relationsOf(model, 'IF-021', { type: 'carry' })).toThrow(InvalidArgumentError);
  });
});

describe('unknown kinds and relation names throw with the nearest valid name', () => {
  test.each([
    [
      () => findElements(mhhsFragment(), { kind: 'Interfce' }),
      'filter.kind: unknown kind "Interfce"; did you mean "Interface"?',
    ],
    [
      () => findElements(mhhsFragment(), { kind: ['Service', 'Requirment'] }),
      'filter.kind: unknown kind "Requirment"; did you mean "Requirement"?',
    ],
    [
      () => related(mhhsFragment(), 'IF-021', 'sentby'),
      'name: unknown relation name "sentby"; did you mean "sentBy"?',
    ],
    [() => related(mhhsFragment(), 'IF-021', 'recievedBy'), 'did you mean "receivedBy"?'],
    [
      () => relationsOf(mhhsFragment(), 'IF-021', { type: 'carry' }),
      'query.type: unknown relation name "carry"; did you mean "carries"?',
    ],
  ])('%#: %s throws "%s"', (call, message) => {
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });

  test('a name near nothing lists the valid ones', () => {
    const call = () => findElements(mhhsFragment(), { kind: 'Zebra' });
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(
      /unknown kind "Zebra"\. The kinds of this metamodel: Artefact, BusinessProcess, .*, TestCase\.$/,
    );
  });

  test('a kind of the metamodel with no element gives an empty list, not an error', () => {
    expect(findElements(mhhsFragment(), { kind: 'Principle' })).toEqual([]);
  });
});
