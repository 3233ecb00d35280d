import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyDiff, canonicalModel } from '../../src/advanced.js';
import { createSnapshot, diffSnapshots, isEmptyDiff, type Model } from '../../src/index.js';
import { generateModel } from '../../src/testing/index.js';

/** A random edit of a model, chosen by numbers so that fast-check can shrink it. */
const edit = fc.record({
  what: fc.constantFrom(
    'rename',
    'status',
    'attribute',
    'drop-attribute',
    'remove',
    'add',
    'link',
    'unlink',
    'note',
  ),
  pick: fc.nat(),
  other: fc.nat(),
  text: fc.string({ maxLength: 8 }),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(model: Model, e: Edit): void {
  const ids = [...model.elementIds()];
  const id = ids[e.pick % ids.length]!;
  const element = model.getElement(id);
  const edges = [...model.relations()];
  switch (e.what) {
    case 'rename':
      model.putElement({ ...element, name: `${element.name}${e.text}` });
      return;
    case 'status':
      model.putElement({ ...element, status: e.text === '' ? 'draft' : 'approved' });
      return;
    case 'attribute':
      model.putElement({ ...element, attributes: { ...element.attributes, [`x${e.other % 3}`]: e.text } });
      return;
    case 'drop-attribute': {
      const { [Object.keys(element.attributes)[0] ?? '']: _dropped, ...rest } = element.attributes;
      model.putElement({ ...element, attributes: rest });
      return;
    }
    case 'remove':
      model.removeElement(id);
      return;
    case 'add':
      if (!model.hasElement(`NEW-${e.other}`))
        model.addElement({ id: `NEW-${e.other}`, kind: 'Requirement', name: e.text, attributes: {} });
      return;
    case 'link':
      model.addRelation({
        type: 'dependsOn',
        source: id,
        target: ids[e.other % ids.length]!,
        attributes: {},
      });
      return;
    case 'unlink':
      if (edges.length > 0) model.removeRelation(edges[e.other % edges.length]!);
      return;
    case 'note': {
      if (edges.length === 0) return;
      const relation = edges[e.other % edges.length]!;
      model.putRelation({ ...relation, attributes: { ...relation.attributes, note: e.text } });
    }
  }
}

describe('diff properties, over generated models', () => {
  test('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (seed) => {
        const a = generateModel({ elements: 40 + (seed % 4) * 30, seed });
        expect(isEmptyDiff(diffSnapshots(createSnapshot(a), createSnapshot(a.clone())))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('applying diff(a, b) to a gives b', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(edit, { maxLength: 12 }), (seed, edits) => {
        const a = generateModel({ elements: 40 + (seed % 4) * 30, seed });
        const b = a.clone();
        for (const e of edits) applyEdit(b, e);
        const diff = diffSnapshots(createSnapshot(a), createSnapshot(b));
        expect(applyDiff(canonicalModel(a), diff)).toEqual(canonicalModel(b));
        expect(isEmptyDiff(diff)).toBe(
          JSON.stringify(canonicalModel(a)) === JSON.stringify(canonicalModel(b)),
        );
      }),
      { numRuns: 80 },
    );
  });
});
