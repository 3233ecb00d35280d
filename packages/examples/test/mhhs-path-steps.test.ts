import { join } from 'node:path';
import { formatPath, openRepository, type PathStep, type TraceryRepository } from '@tracery/core';
import { beforeAll, describe, expect, test } from 'vitest';

const MHHS = join(import.meta.dirname, '..', 'mhhs');

// From the model files: model/data/header-blocks.yaml has DI-0023 (GSP Group ID) `partOf: [MB-M0]`,
// and model/interfaces/consumption.yaml has IF-021 `carries: [..., MB-M0, ...]`. So from DI-0023 a
// path reaches IF-021 by following partOf as written, then carries against the way it is written;
// by the default effects (partOf forward and carries backward both propagate) a change to DI-0023
// changes IF-021 along that path.
const DI_TO_IF021: readonly PathStep[] = [
  { from: 'DI-0023', relation: 'partOf', to: 'MB-M0', direction: 'forward' },
  { from: 'MB-M0', relation: 'carries', to: 'IF-021', direction: 'backward' },
];

let repo: TraceryRepository;
beforeAll(async () => {
  repo = await openRepository(MHHS);
  expect(repo.ok).toBe(true);
});

describe('one path-step shape for trace and impact on the MHHS example', () => {
  test('trace (down along partOf and carriedBy) reads the path with each relation and its direction', () => {
    const hits = repo.trace('DI-0023', { types: ['partOf', 'carriedBy'] });
    const hit = hits.find((h) => h.id === 'IF-021');
    expect(hit?.path).toEqual(DI_TO_IF021);
    expect(formatPath(hit!.path)).toBe('DI-0023 -partOf-> MB-M0 <-carries- IF-021');
  });

  test('trace --to gives the same path', () => {
    expect(repo.trace('DI-0023', 'IF-021')).toEqual(DI_TO_IF021);
  });

  test('impact explains IF-021 by the same steps, each with the effect it had', async () => {
    const impact = await repo.impact(['DI-0023']);
    const if021 = impact.impacted.find((e) => e.id === 'IF-021');
    expect(if021).toMatchObject({ reach: 'propagated', depth: 2 });
    expect(if021?.path).toEqual(DI_TO_IF021.map((step) => ({ ...step, effect: 'propagate' })));
    expect(impact.idsByKind.Interface).toContain('IF-021');
  });

  test('every trace step and every impact step has the same keys, in the same order (impact adds effect)', async () => {
    const hits = [
      ...repo.trace('DI-0023', { maxDepth: 3 }),
      ...repo.trace('DI-0023', { direction: 'up', maxDepth: 3 }),
    ];
    const traceSteps = hits.flatMap((h) => h.path);
    const impactSteps = (await repo.impact(['DI-0023'])).impacted.flatMap((e) => e.path);
    expect(traceSteps.length).toBeGreaterThan(0);
    expect(impactSteps.length).toBeGreaterThan(0);
    const keys = new Set(traceSteps.map((s) => Object.keys(s).join(',')));
    expect([...keys]).toEqual(['from,relation,to,direction']);
    const impactKeys = new Set(impactSteps.map((s) => Object.keys(s).join(',')));
    expect([...impactKeys]).toEqual(['from,relation,to,direction,effect']);
    // Both name a relation by its type (never an inverse name), and both directions occur.
    const types = new Set(repo.model.metamodel.relationTypes.keys());
    for (const s of [...traceSteps, ...impactSteps]) expect(types.has(s.relation), s.relation).toBe(true);
    expect(new Set(traceSteps.map((s) => s.direction))).toEqual(new Set(['forward', 'backward']));
    expect(new Set(impactSteps.map((s) => s.direction))).toEqual(new Set(['forward', 'backward']));
  });
});
