import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Model, openRepository, type TraceryRepository } from '@tracery/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');

/** What the command line does most: check, trace both ways and to a target, impact, coverage, assess. */
async function useAsTheCliDoes(repo: TraceryRepository): Promise<void> {
  expect(repo.ok).toBe(true);
  await repo.check();
  expect(repo.trace('IF-021', { direction: 'down' }).length).toBeGreaterThan(0);
  expect(repo.trace('REQ-LSS-001', { direction: 'up' }).length).toBeGreaterThan(0);
  expect(repo.trace('IF-021', 'REQ-LSS-001')).toBeDefined();
  expect((await repo.impact(['DI-0023'])).impacted.length).toBeGreaterThan(0);
  expect(repo.coverage().elements.length).toBeGreaterThan(0);
  repo.assess('CR001');
}

// The model keeps its own adjacency; the graphology view costs as much as the load itself on a large
// model, so the paths the CLI runs must not build it. Reading `model.graph` still gives the whole model.
describe('the graphology view of a model is built only when something reads model.graph', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'tracery-graph-on-demand-'));
    await cp(MHHS, copy, { recursive: true, filter: (path) => !path.includes('.tracery') });
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  test.each([
    ['loaded from the files', false],
    ['answered from the load cache', true],
  ])('a load %s, check, trace, impact, coverage and assess never build it', async (_what, cached) => {
    if (cached) await openRepository(copy, { cache: true }); // fills the cache
    const built = vi.spyOn(Model.prototype, 'graph', 'get');
    const restored = vi.spyOn(Model, 'restore');
    try {
      const repo = await openRepository(copy, { cache: cached });
      // Both make the model in one go: from the snapshot, or from the drafts once checked (resolveModel).
      expect(restored).toHaveBeenCalledTimes(1);
      await useAsTheCliDoes(repo);
      expect(built).not.toHaveBeenCalled();
      built.mockRestore();
      const graph = repo.model.graph;
      expect(graph.order).toBe(repo.model.elementCount);
      expect(graph.size).toBe(repo.model.relationCount);
      for (const relation of repo.model.relations())
        expect(graph.hasDirectedEdge(relation.source, relation.target)).toBe(true);
    } finally {
      built.mockRestore();
      restored.mockRestore();
    }
  });
});
