import {
  allSimplePaths,
  formatPath,
  InvalidArgumentError,
  NotFoundError,
  type PathStep,
  shortestPath,
  traceDownstream,
  traceMatrix,
  traceUpstream,
} from '@tracery/core';
import { generateModel } from '@tracery/core/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lssFragment } from './trace-model.js';

// A path as it reads, each relation in its real direction: `REQ-1 <-satisfies- BP018-02` (BP018-02 satisfies REQ-1).
const show = (path: readonly PathStep[]) => formatPath(path);

describe('traceDownstream and traceUpstream', () => {
  test('downstream of a requirement along satisfiedBy and verifiedBy: what satisfies and verifies it', () => {
    const hits = traceDownstream(lssFragment(), 'REQ-1', { types: ['satisfiedBy', 'verifiedBy'] });
    expect(hits.map((h) => [h.id, h.depth])).toEqual([
      ['BP018-02', 1],
      ['IF-022', 1],
      ['TC-1', 1],
      ['TC-2', 1],
    ]);
    expect(show(hits[0]!.path)).toBe('REQ-1 <-satisfies- BP018-02');
  });

  test('upstream of a test along verifiedBy gives what it verifies, then further up with depth', () => {
    const model = lssFragment();
    expect(traceUpstream(model, 'TC-2', { types: ['verifiedBy'] }).map((h) => h.id)).toEqual([
      'REQ-1',
      'REQ-2',
    ]);
    // Upstream follows each name against the way it reads: `refines` crossed backwards (REQ-2 refines REQ-1).
    const up = traceUpstream(model, 'TC-1', { types: ['verifiedBy', 'refines'] });
    expect(up.map((h) => [h.id, h.depth])).toEqual([
      ['REQ-1', 1],
      ['REQ-2', 2],
    ]);
    expect(show(up[1]!.path)).toBe('TC-1 -verifies-> REQ-1 <-refines- REQ-2');
  });

  test('without types, downstream follows every relation as written; maxDepth and kinds filter', () => {
    const model = lssFragment();
    expect(traceDownstream(model, 'LSS', { maxDepth: 1 }).map((h) => h.id)).toEqual(['BP018-01', 'BP018-02']);
    const deep = traceDownstream(model, 'LSS', { kinds: ['Requirement'] });
    expect(deep.map((h) => [h.id, h.depth, show(h.path)])).toEqual([
      ['REQ-1', 2, 'LSS -performs-> BP018-02 -satisfies-> REQ-1'],
    ]);
    expect(traceUpstream(model, 'IF-022').map((h) => h.id)).toEqual(['BP018-01', 'BP018-02', 'LSS']);
  });

  test("direction 'both' gives the neighbourhood", () => {
    const hits = traceDownstream(lssFragment(), 'IF-021', { direction: 'both', maxDepth: 1 });
    // BP018-01 receives IF-021 and MDS sends it: both relations are crossed against the way they go.
    expect(hits.map((h) => h.path[0])).toEqual([
      { from: 'IF-021', relation: 'receives', to: 'BP018-01', direction: 'backward' },
      { from: 'IF-021', relation: 'sends', to: 'MDS', direction: 'backward' },
    ]);
  });

  test('bad arguments throw typed errors that name the argument', () => {
    const model = lssFragment();
    expect(() => traceDownstream(model, 'NOPE')).toThrow(NotFoundError);
    expect(() => traceDownstream(model, 'REQ-1', { types: ['verifiedby'] })).toThrow(
      /options.types: unknown relation name "verifiedby"; did you mean "verifiedBy"\?/,
    );
    expect(() => traceDownstream(model, 'REQ-1', { kinds: ['Test'] })).toThrow(InvalidArgumentError);
    expect(() => traceDownstream(model, 'REQ-1', { maxDepth: -1 })).toThrow(/options.maxDepth/);
  });
});

describe('shortestPath and allSimplePaths', () => {
  test('the shortest path crosses relations either way by default, and is the first in name then id order', () => {
    const model = lssFragment();
    expect(show(shortestPath(model, 'TC-1', 'LSS')!)).toBe(
      'TC-1 -verifies-> REQ-1 <-satisfies- BP018-02 <-performs- LSS',
    );
    expect(shortestPath(model, 'TC-1', 'LSS', { direction: 'out' })).toBeUndefined();
    expect(shortestPath(model, 'TC-1', 'LSS', { maxDepth: 2 })).toBeUndefined();
    expect(shortestPath(model, 'TC-1', 'TC-1')).toEqual([]);
    expect(shortestPath(model, 'TC-3', 'LSS')).toBeUndefined();
  });

  test('all simple paths, shortest first, bounded by depth and count', () => {
    const model = lssFragment();
    const { paths, truncated } = allSimplePaths(model, 'BP018-02', 'REQ-1', { maxDepth: 3 });
    expect(truncated).toBe(false);
    expect(paths.map(show)).toEqual([
      'BP018-02 -satisfies-> REQ-1',
      'BP018-02 -sends-> IF-022 -satisfies-> REQ-1',
    ]);
    for (const path of paths) expect(new Set(path.map((s) => s.to)).size).toBe(path.length);
    expect(allSimplePaths(model, 'BP018-02', 'REQ-1', { maxDepth: 6, limit: 1 })).toMatchObject({
      truncated: true,
      paths: [[{ to: 'REQ-1' }]],
    });
    expect(allSimplePaths(model, 'BP018-02', 'REQ-1', { maxDepth: 1 }).paths).toHaveLength(1);
    expect(() => allSimplePaths(model, 'BP018-02', 'REQ-1', { limit: 0 })).toThrow(InvalidArgumentError);
  });
});

describe('traceMatrix', () => {
  test('Requirement x TestCase via verifiedBy', () => {
    const matrix = traceMatrix(lssFragment(), {
      rows: 'Requirement',
      columns: 'TestCase',
      path: ['verifiedBy'],
    });
    expect(matrix.rows).toEqual(['REQ-1', 'REQ-2']);
    expect(matrix.columns).toEqual(['TC-1', 'TC-2', 'TC-3']);
    expect(matrix.links).toEqual([
      { row: 'REQ-1', column: 'TC-1' },
      { row: 'REQ-1', column: 'TC-2' },
      { row: 'REQ-2', column: 'TC-2' },
    ]);
  });

  test('BusinessProcess x Interface via hasPart then sends or receives', () => {
    const matrix = traceMatrix(lssFragment(), {
      rows: 'BusinessProcess',
      columns: 'Interface',
      path: ['hasPart', ['sends', 'receives']],
    });
    expect(matrix.links).toEqual([
      { row: 'BP018', column: 'IF-021' },
      { row: 'BP018', column: 'IF-022' },
    ]);
    expect(() =>
      traceMatrix(lssFragment(), { rows: 'BusinessProcess', columns: 'Interface', path: [] }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      traceMatrix(lssFragment(), {
        rows: 'BusinessProcess',
        columns: 'Interface',
        path: ['hasPart', ['send']],
      }),
    ).toThrow(/options.path\[1\]/);
  });
});

describe('invariants on generated models', () => {
  test('every hit is at the length of its path, the path is connected, and shortestPath agrees on the depth', () => {
    const model = generateModel({ elements: 400, seed: 7 });
    const ids = [...model.elements()].map((e) => e.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 4 }), (start, maxDepth) => {
        for (const hit of traceDownstream(model, start, { direction: 'both', maxDepth })) {
          expect(hit.path).toHaveLength(hit.depth);
          expect(hit.path[0]!.from).toBe(start);
          expect(hit.path[hit.path.length - 1]!.to).toBe(hit.id);
          expect(shortestPath(model, start, hit.id)).toHaveLength(hit.depth);
        }
      }),
      { numRuns: 40 },
    );
  });
});
