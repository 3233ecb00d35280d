import { join } from 'node:path';
import { loadRepository, shortestPath } from '@tracery/core';
import { expect, test } from 'vitest';

test('on MHHS, IF-021 reaches REQ-LSS-001 through the design, not through a principle both are governed by', async () => {
  const loaded = await loadRepository(join(import.meta.dirname, '..', 'mhhs'));
  const path = shortestPath(loaded.model, 'IF-021', 'REQ-LSS-001') ?? [];
  const names = path.map((s) => s.relation);
  // Given a two-step path through DP-00 (governedBy, refinedBy) exists,
  expect(
    shortestPath(loaded.model, 'IF-021', 'REQ-LSS-001', { prefer: 'shortest' })?.map((s) => s.to),
  ).toContain('DP-00');
  // the default path crosses only trace relations, and ends in what satisfies the requirement.
  expect(path.length).toBeGreaterThan(0);
  expect(names.filter((n) => ['governedBy', 'documentedIn'].includes(n))).toEqual([]);
  expect(path.map((s) => s.to)).not.toContain('DP-00');
  expect(path[path.length - 1]).toMatchObject({
    relation: 'satisfies',
    direction: 'forward',
    to: 'REQ-LSS-001',
  });
});
