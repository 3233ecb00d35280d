import { defaultMetamodel, Model } from '@tracery/core';

/** A small Load Shaping fragment: a process with two steps, interfaces, requirements and tests. */
export function lssFragment(): Model {
  const m = new Model(defaultMetamodel());
  const el = (id: string, kind: string) => m.addElement({ id, kind, name: id, attributes: {} });
  const rel = (source: string, type: string, target: string) =>
    m.addRelation({ source, type, target, attributes: {} });
  for (const [id, kind] of [
    ['LSS', 'Service'],
    ['MDS', 'Service'],
    ['BP018', 'BusinessProcess'],
    ['BP018-01', 'ProcessStep'],
    ['BP018-02', 'ProcessStep'],
    ['IF-021', 'Interface'],
    ['IF-022', 'Interface'],
    ['REQ-1', 'Requirement'],
    ['REQ-2', 'Requirement'],
    ['TC-1', 'TestCase'],
    ['TC-2', 'TestCase'],
    ['TC-3', 'TestCase'],
  ])
    el(id!, kind!);
  rel('BP018-01', 'partOf', 'BP018');
  rel('BP018-02', 'partOf', 'BP018');
  rel('BP018-01', 'flowsTo', 'BP018-02');
  rel('LSS', 'performs', 'BP018-01');
  rel('LSS', 'performs', 'BP018-02');
  rel('BP018-01', 'receives', 'IF-021');
  rel('MDS', 'sends', 'IF-021');
  rel('BP018-02', 'sends', 'IF-022');
  rel('BP018-02', 'satisfies', 'REQ-1');
  rel('IF-022', 'satisfies', 'REQ-1');
  rel('REQ-2', 'refines', 'REQ-1');
  rel('TC-1', 'verifies', 'REQ-1');
  rel('TC-2', 'verifies', 'REQ-1');
  rel('TC-2', 'verifies', 'REQ-2');
  return m;
}
