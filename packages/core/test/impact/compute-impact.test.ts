import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  computeImpact,
  defaultMetamodel,
  formatImpactPath,
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
  computeImpact(repo.model, ids, options).impacted.map((e) => [e.id, e.depth, formatImpactPath(e.path)]);

describe('computeImpact', () => {
  test('given a changed data item, it follows partOf both ways, carries back to the interfaces, and on to their parties', () => {
    expect(explained(['DI-0023'])).toEqual([
      ['DI-0021', 2, 'DI-0023 -partOf-> MB-M0 <-partOf- DI-0021'],
      ['DOC-DM', 2, 'DI-0023 -partOf-> MB-M0 -documentedIn-> DOC-DM'],
      ['DOC-IF021', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 -documentedIn-> DOC-IF021'],
      ['IF-021', 2, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021'],
      ['IF-022', 1, 'DI-0023 <-carries- IF-022'],
      ['LSS', 2, 'DI-0023 <-carries- IF-022 <-sends- LSS'],
      ['MB-M0', 1, 'DI-0023 -partOf-> MB-M0'],
      ['SDS', 2, 'DI-0023 <-carries- IF-022 <-receives- SDS'],
      ['SUP', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 <-receives- SUP'],
      ['TC-001', 3, 'DI-0023 -partOf-> MB-M0 <-carries- IF-021 <-verifies- TC-001'],
    ]);
  });

  test('it groups the impacted elements by kind and by the services and roles that must act', () => {
    const result = computeImpact(repo.model, ['DI-0023']);
    expect(result.changed).toEqual(['DI-0023']);
    expect(result.byKind).toEqual({
      Artefact: ['DOC-DM', 'DOC-IF021'],
      DataEntity: ['MB-M0'],
      DataItem: ['DI-0021'],
      Interface: ['IF-021', 'IF-022'],
      Role: ['SUP'],
      Service: ['LSS', 'SDS'],
      TestCase: ['TC-001'],
    });
    expect(result.byActor).toEqual([
      { id: 'LSS', kind: 'Service', self: true, elements: ['IF-022'] },
      { id: 'SDS', kind: 'Service', self: true, elements: ['IF-021', 'IF-022'] },
      { id: 'SUP', kind: 'Role', self: true, elements: ['IF-021'] },
    ]);
  });

  test.each([
    ['maxDepth 1 keeps the first hop', { maxDepth: 1 }, ['IF-022', 'MB-M0']],
    ['maxDepth 0 reaches nothing', { maxDepth: 0 }, []],
    ['types follows only the named relations', { types: ['partOf'] }, ['DI-0021', 'MB-M0']],
    [
      'types takes inverse names too',
      { types: ['hasPart', 'carriedBy'] },
      ['DI-0021', 'IF-021', 'IF-022', 'MB-M0'],
    ],
    [
      'skipTypes leaves relations out',
      { skipTypes: ['carries', 'documentedIn'] },
      ['DI-0021', 'IF-021', 'IF-022', 'MB-M0', 'SDS', 'SUP', 'LSS', 'TC-001'].sort(),
    ],
  ])('%s', (_name, options, ids) => {
    expect(computeImpact(repo.model, ['DI-0023'], options).impacted.map((e) => e.id)).toEqual(ids);
  });

  test('stopAtKinds reports an element of that kind but does not go on through it', () => {
    expect(computeImpact(repo.model, ['IF-022']).impacted.map((e) => e.id)).toContain('IF-021');
    expect(
      computeImpact(repo.model, ['IF-022'], { stopAtKinds: ['Service'] }).impacted.map((e) => e.id),
    ).toEqual(['LSS', 'SDS']);
  });

  test('a changed element of a stop kind still passes its change on', () => {
    expect(
      computeImpact(repo.model, ['SDS'], { stopAtKinds: ['Service'] }).impacted.map((e) => e.id),
    ).toContain('IF-021');
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
      model.addRelation({ type: 'dependsOn', source, target, attributes: {} });
    const c = computeImpact(model, ['S']).impacted.find((e) => e.id === 'C');
    expect(formatImpactPath(c!.path)).toBe('S <-dependsOn- A <-dependsOn- C');
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
    expect(() => computeImpact(repo.model, ['DI-0023'], { types: ['carry'] })).toThrow(InvalidArgumentError);
    expect(() => computeImpact(repo.model, ['DI-0023'], { maxDepth: -1 })).toThrow(InvalidArgumentError);
  });
});
