import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  computeImpact,
  defaultMetamodel,
  formatPath,
  InvalidArgumentError,
  type LoadedRepository,
  loadRepository,
  Model,
  NotFoundError,
} from '../../src/index.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'impact', 'repo');
let repo: LoadedRepository;
beforeAll(async () => {
  repo = await loadRepository(FIXTURE);
  expect(repo.diagnostics).toEqual([]);
});

const explained = (ids: string[], options = {}) =>
  computeImpact(repo.model, ids, options).impacted.map((e) => [e.id, e.reach, e.depth, formatPath(e.path)]);

describe('computeImpact', () => {
  test('given a changed data item, its block and the interfaces that carry them change, and their parties, documents and tests are notified', () => {
    expect(explained(['DI-0023'])).toEqual([
      // The block's data catalogue specifies the changed block: re-issue.
      ['DOC-DM', 'notified', 2, 'DI-0023 -partOf-> MB-M0 -documentedIn-> DOC-DM'],
      ['DOC-IF021', 'notified', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 -documentedIn-> DOC-IF021'],
      // IF-021 carries the whole block, which changed.
      ['IF-021', 'propagated', 2, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021'],
      ['IF-022', 'propagated', 1, 'DI-0023 <-carries- IF-022'],
      ['LSS', 'notified', 2, 'DI-0023 <-carries- IF-022 <-sends- LSS'],
      ['MB-M0', 'propagated', 1, 'DI-0023 -partOf-> MB-M0'],
      ['SDS', 'notified', 2, 'DI-0023 <-carries- IF-022 <-receives- SDS'],
      ['SUP', 'notified', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 <-receives- SUP'],
      ['TC-001', 'notified', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 <-verifies- TC-001'],
    ]);
  });

  test('a path never comes back down a relation type it went up: the sibling item is not impacted', () => {
    const widened = { effects: { partOf: { backward: 'propagate' as const } } };
    // The block itself changing reaches both its items once the whole passes changes to its parts ...
    expect(computeImpact(repo.model, ['MB-M0'], widened).idsByKind.DataItem).toEqual(['DI-0021', 'DI-0023']);
    // ... but a change that climbed from DI-0023 into the block does not come back down to DI-0021.
    expect(computeImpact(repo.model, ['DI-0023'], widened).idsByKind.DataItem).toBeUndefined();
  });

  test('a notified element passes the change on only to its follow-ups', () => {
    // SDS is notified by IF-022; it sends IF-021, but a notified party's other interfaces do not change.
    const result = computeImpact(repo.model, ['IF-022']);
    expect(result.impacted.map((e) => [e.id, e.reach])).toEqual([
      ['LSS', 'notified'],
      ['SDS', 'notified'],
    ]);
  });

  test('it sums up the parties that must act, the tests to re-run and the documents to re-issue', () => {
    const result = computeImpact(repo.model, ['DI-0023']);
    expect(result.changed).toEqual(['DI-0023']);
    expect(result.idsByKind).toEqual({
      Artefact: ['DOC-DM', 'DOC-IF021'],
      DataEntity: ['MB-M0'],
      Interface: ['IF-021', 'IF-022'],
      Role: ['SUP'],
      Service: ['LSS', 'SDS'],
      TestCase: ['TC-001'],
    });
    expect(result.parties).toEqual([
      { id: 'LSS', kind: 'Service', name: 'Load Shaping Service', self: false, elements: ['IF-022'] },
      { id: 'SDS', kind: 'Service', name: 'Smart Data Service', self: false, elements: ['IF-021', 'IF-022'] },
      { id: 'SUP', kind: 'Role', name: 'Supplier', self: false, elements: ['IF-021'] },
    ]);
    expect(result.testsToRerun).toEqual([
      { id: 'TC-001', name: 'Send consumption data', because: ['IF-021'] },
    ]);
    expect(result.documentsToReissue).toEqual([
      { id: 'DOC-DM', name: 'Data catalogue', because: ['MB-M0'] },
      { id: 'DOC-IF021', name: 'IF-021 specification', because: ['IF-021'] },
    ]);
  });

  test.each([
    ['maxDepth 1 keeps the first hop', { maxDepth: 1 }, ['IF-022', 'MB-M0']],
    ['maxDepth 0 reaches nothing', { maxDepth: 0 }, []],
    [
      'types crosses only the named relations, each in the direction it reads',
      { types: ['partOf'] },
      ['MB-M0'],
    ],
    // hasPart reads from the whole to its parts: nothing climbs from DI-0023 by it.
    ['an inverse name picks the other direction', { types: ['hasPart', 'carriedBy'] }, ['IF-022']],
    ['skipTypes leaves relations out', { skipTypes: ['carries', 'documentedIn'] }, ['MB-M0']],
    [
      'stopAtKinds: an interface is impacted, but only its follow-ups after it',
      { stopAtKinds: ['Interface'] },
      ['DOC-DM', 'DOC-IF021', 'IF-021', 'IF-022', 'MB-M0', 'TC-001'],
    ],
  ])('%s', (_name, options, ids) => {
    expect(computeImpact(repo.model, ['DI-0023'], options).impacted.map((e) => e.id)).toEqual(ids);
  });

  test('an inverse name in types picks its direction, as in trace', () => {
    const widened = { partOf: { forward: 'propagate' as const, backward: 'propagate' as const } };
    const down = computeImpact(repo.model, ['MB-M0'], { effects: widened, types: ['hasPart'] });
    expect(down.impacted.map((e) => e.id)).toEqual(['DI-0021', 'DI-0023']);
    const up = computeImpact(repo.model, ['MB-M0'], { effects: widened, types: ['partOf'] });
    expect(up.impacted).toEqual([]);
  });

  test('a changed element of a stop kind still passes its change on', () => {
    expect(
      computeImpact(repo.model, ['SDS'], { stopAtKinds: ['Service'] }).impacted.map((e) => e.id),
    ).toContain('IF-021');
  });

  test('options.effects overrides the metamodel per type and direction, and refuses unknown names', () => {
    expect(
      computeImpact(repo.model, ['DI-0023'], { effects: { carries: { backward: 'none' } } }).idsByKind
        .Interface,
    ).toBeUndefined();
    expect(() =>
      computeImpact(repo.model, ['DI-0023'], { effects: { carry: { backward: 'none' } } }),
    ).toThrow(/unknown relation type "carry"; did you mean "carries"\?/);
    expect(() =>
      computeImpact(repo.model, ['DI-0023'], { effects: { carries: { backward: 'spread' as never } } }),
    ).toThrow(/propagate, notify, none/);
  });

  test('relations whose impact is none (changes, flowsTo) do not propagate', () => {
    expect(computeImpact(repo.model, ['CR-A']).impacted).toEqual([]);
    expect(computeImpact(repo.model, ['DI-0099']).impacted).toEqual([]);
  });

  test('ties between shortest paths go to the smallest id of the previous level, whatever the insertion order', () => {
    const model = new Model(defaultMetamodel());
    for (const id of ['S', 'B', 'A', 'C'])
      model.addElement({ id, kind: 'Requirement', name: id, attributes: {} });
    for (const [source, target] of [
      ['B', 'S'],
      ['A', 'S'],
      ['C', 'B'],
      ['C', 'A'],
    ] as const)
      model.addRelation({ type: 'refines', source, target, attributes: {} });
    const c = computeImpact(model, ['S']).impacted.find((e) => e.id === 'C');
    expect(formatPath(c!.path)).toBe('S <-refines- A <-refines- C');
  });

  test('the result follows changes to the model made after an earlier run', () => {
    const model = new Model(defaultMetamodel());
    for (const id of ['S', 'A']) model.addElement({ id, kind: 'Requirement', name: id, attributes: {} });
    expect(computeImpact(model, ['S']).impacted).toEqual([]);
    model.addRelation({ type: 'dependsOn', source: 'A', target: 'S', attributes: {} });
    expect(computeImpact(model, ['S']).impacted.map((e) => e.id)).toEqual(['A']);
    model.removeRelation({ type: 'dependsOn', source: 'A', target: 'S' });
    expect(computeImpact(model, ['S']).impacted).toEqual([]);
  });

  test('it refuses an unknown element, relation name or depth with a typed error', () => {
    expect(() => computeImpact(repo.model, ['NOPE'])).toThrow(NotFoundError);
    expect(() => computeImpact(repo.model, ['DI-0024'])).toThrow(/did you mean "DI-0021"\?/);
    expect(() => computeImpact(repo.model, ['DI-0023'], { types: ['carry'] })).toThrow(InvalidArgumentError);
    expect(() => computeImpact(repo.model, ['DI-0023'], { maxDepth: -1 })).toThrow(InvalidArgumentError);
  });
});
