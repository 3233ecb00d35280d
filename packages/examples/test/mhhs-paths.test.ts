import { join } from 'node:path';
import { formatPath, loadRepository, shortestPath } from '@tracery/core';
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
  // As the core README shows it, from the model files: IF-021 carries MB-B050
  // (interfaces/consumption.yaml), LSS uses MB-B050 (services.yaml), REQ-LSS-001 is satisfiedBy LSS
  // (requirements/load-shaping.yaml); and the shorter path through the principle: IF-021 governedBy
  // DP-00, REQ-LSS-001 refines DP-00.
  expect(formatPath(path)).toBe('IF-021 -carries-> MB-B050 <-uses- LSS -satisfies-> REQ-LSS-001');
  expect(formatPath(shortestPath(loaded.model, 'IF-021', 'REQ-LSS-001', { prefer: 'shortest' }) ?? [])).toBe(
    'IF-021 -governedBy-> DP-00 <-refines- REQ-LSS-001',
  );
});
