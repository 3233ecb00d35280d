import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot, type Element, loadRepository, type Relation } from '@tracery/core';
import { canonicalModel } from '@tracery/core/advanced';
import { generateModel, writeGeneratedRepository } from '@tracery/core/testing';
import { describe, expect, test } from 'vitest';
import { canonicalElementOf, canonicalRelationOf } from '../../src/baseline/canonical-form.js';
import { canonicalRelation } from '../../src/baseline/content-hash.js';
import { canonicalElement } from '../../src/model/canonical-model.js';

const base: Element = { id: 'IF-021', kind: 'Interface', name: 'UTC', attributes: { a: 1, b: 'x' } };

describe('an element or relation already in canonical form is kept, not copied', () => {
  test("a loaded model's elements and relations are kept as they are, and serialise as their copies", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracery-canonical-'));
    try {
      await writeGeneratedRepository(dir, generateModel({ elements: 200, seed: 9 }));
      // Read from the files, then (the second load through the cache) restored from the snapshot.
      const parsed = (await loadRepository(dir, { cache: true })).model;
      const restored = (await loadRepository(dir, { cache: true })).model;
      for (const model of [parsed, restored])
        for (const e of model.elements()) expect(canonicalElementOf(e)).toBe(e);
      const model = restored;
      for (const e of model.elements()) {
        expect(canonicalElementOf(e)).toBe(e);
        expect(JSON.stringify(e)).toBe(JSON.stringify(canonicalElement(e)));
      }
      for (const r of model.relations()) {
        expect(canonicalRelationOf(r)).toBe(r);
        expect(JSON.stringify(r)).toBe(JSON.stringify(canonicalRelation(r)));
      }
      // The snapshot is the same as one made of canonical copies.
      const snapshot = createSnapshot(model);
      expect([...snapshot.elements.values()].map((x) => x.element)).toEqual(canonicalModel(model).elements);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Each is not canonical: the copy is taken, and its JSON is canonicalElement's.
  test.each<[string, Element]>([
    ['keys out of order', { kind: 'Interface', id: 'IF-021', name: 'UTC', attributes: {} } as Element],
    ['a base field set to undefined', { ...base, status: undefined } as unknown as Element],
    ['attributes unsorted', { ...base, attributes: { b: 'x', a: 1 } }],
    ['an attribute undefined', { ...base, attributes: { a: undefined } } as unknown as Element],
    ['integer-like attribute names', { ...base, attributes: { '10': 1, '9': 2 } }],
    ['attributes before a base field', { id: 'X', kind: 'K', attributes: {}, name: 'n' } as Element],
    ['an extra key', { ...base, extra: 1 } as unknown as Element],
  ])('an element with %s is copied', (_name, element) => {
    const canonical = canonicalElementOf(element);
    expect(canonical).not.toBe(element);
    expect(JSON.stringify(canonical)).toBe(JSON.stringify(canonicalElement(element)));
  });

  test.each<[string, Relation]>([
    ['keys out of order', { source: 'A', type: 't', target: 'B', attributes: {} } as Relation],
    ['attributes unsorted', { type: 't', source: 'A', target: 'B', attributes: { z: 1, a: 2 } }],
    [
      'an attribute undefined',
      { type: 't', source: 'A', target: 'B', attributes: { a: undefined } } as unknown as Relation,
    ],
  ])('a relation with %s is copied', (_name, relation) => {
    const canonical = canonicalRelationOf(relation);
    expect(canonical).not.toBe(relation);
    expect(JSON.stringify(canonical)).toBe(JSON.stringify(canonicalRelation(relation)));
  });
});
