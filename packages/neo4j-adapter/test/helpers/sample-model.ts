import { defaultMetamodel, type Element, type Metamodel, Model, type Relation } from '@tracery/core';

type ElementInput = Partial<Element> & Pick<Element, 'id' | 'kind'>;
type RelationInput = readonly [
  source: string,
  type: string,
  target: string,
  attributes?: Relation['attributes'],
];

/** A model from short element and relation lists; names default to the id. */
export function buildModel(
  elements: readonly ElementInput[],
  relations: readonly RelationInput[],
  metamodel: Metamodel = defaultMetamodel(),
): Model {
  const model = new Model(metamodel);
  for (const element of elements) model.addElement({ name: element.id, attributes: {}, ...element });
  for (const [source, type, target, attributes = {}] of relations)
    model.addRelation({ source, type, target, attributes });
  return model;
}

/** A small slice of the MHHS design: a process with steps, an interface, data, a requirement and a test. */
export function sampleModel(): Model {
  return buildModel(
    [
      {
        id: 'BP001',
        kind: 'BusinessProcess',
        name: 'Registration',
        status: 'approved',
        tranche: 'T1',
        tags: ['core', 'mhhs'],
      },
      {
        id: 'BP001-01',
        kind: 'ProcessStep',
        name: 'Send registration',
        attributes: { order: 1, stepType: 'task' },
      },
      {
        id: 'BP001-02',
        kind: 'ProcessStep',
        name: 'Confirm',
        description: 'Line one\nline "two", with a comma',
        attributes: { order: 2 },
      },
      {
        id: 'IF-021',
        kind: 'Interface',
        name: 'Consumption data',
        owner: 'Design Team',
        attributes: { channel: 'DIP', version: '1.2' },
      },
      { id: 'DI-0102', kind: 'DataItem', name: 'MPAN', attributes: { length: 13, dataType: 'string' } },
      { id: 'REQ-1', kind: 'Requirement', name: 'Register MPANs', attributes: { priority: 'must' } },
      {
        id: 'TC-1',
        kind: 'TestCase',
        name: 'Registration test',
        attributes: { weight: 0.5, automated: true },
      },
      { id: 'SUP', kind: 'Role', name: 'Supplier', tags: [] },
    ],
    [
      ['BP001-01', 'partOf', 'BP001'],
      ['BP001-02', 'partOf', 'BP001'],
      ['BP001-01', 'flowsTo', 'BP001-02', { note: 'then' }],
      ['BP001-01', 'sends', 'IF-021'],
      ['IF-021', 'carries', 'DI-0102'],
      ['BP001', 'satisfies', 'REQ-1'],
      ['TC-1', 'verifies', 'REQ-1'],
      ['SUP', 'performs', 'BP001'],
    ],
  );
}

/** Elements and relations of a model, sorted, for comparing two models. */
export function contentOf(model: Model): { elements: Element[]; relations: Relation[] } {
  const byId = (a: Element, b: Element) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const key = (r: Relation) => `${r.source}\u0000${r.type}\u0000${r.target}`;
  return {
    elements: [...model.elements()].sort(byId),
    relations: [...model.relations()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}
