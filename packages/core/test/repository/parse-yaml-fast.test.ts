import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedRepository, loadRepository } from '@tracery/core';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import { describe, expect, test } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'repository');
const MHHS = join(import.meta.dirname, '..', '..', '..', 'examples', 'mhhs');

/** Everything a load says about where things are: diagnostics, and the origin of every element and relation. */
function located(loaded: LoadedRepository) {
  const { model } = loaded;
  return {
    diagnostics: loaded.diagnostics,
    elements: [...model.elements()].map((e) => [e.id, model.originOfElement(e.id)]),
    relations: [...model.relations()].map((r) => [r.source, r.type, r.target, model.originOfRelation(r)]),
  };
}

async function bothParsers(dir: string) {
  const fast = await loadRepository(dir);
  const full = await loadRepository(dir, { fastParser: false });
  return { fast: located(fast), full: located(full) };
}

describe('the fast parser', () => {
  test.each([
    ['the MHHS example', MHHS],
    ['the good fixture (inline, rows, JSON, .yml, aliases)', join(FIXTURES, 'good')],
    ['a repository with dangling references and bad values', join(FIXTURES, 'error', 'dangling-reference')],
    ['a repository with bad values', join(FIXTURES, 'error', 'invalid-value')],
    ['a repository with unknown fields', join(FIXTURES, 'error', 'unknown-field')],
    ['a repository with a duplicate key (falls back)', join(FIXTURES, 'error', 'duplicate-key')],
  ])('gives the same model, diagnostics and positions as the full parser on %s', async (_, dir) => {
    const { fast, full } = await bothParsers(dir);
    expect(fast).toEqual(full);
  });

  test('gives the same positions on a generated repository', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-fast-'));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: 600, seed: 11 }), 150);
      const { fast, full } = await bothParsers(dir);
      expect(fast.elements.length).toBeGreaterThan(500);
      expect(fast).toEqual(full);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
