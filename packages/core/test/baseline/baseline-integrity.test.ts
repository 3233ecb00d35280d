import { baselineJson, createSnapshot, elementHash, parseBaseline, RepositoryError } from '@tracery/core';
import { generateModel } from '@tracery/core/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

describe('a baseline is checked against its own content when read', () => {
  test('hash recomputed equals hash stored, for generated models (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (elements, seed) => {
          const model = generateModel({ elements, seed });
          const text = baselineJson('T1', createSnapshot(model));
          const stored = JSON.parse(text) as { elements: { hash: string; element: { id: string } }[] };
          const read = parseBaseline(text, 'baselines/T1.json');
          for (const { hash, element } of stored.elements) {
            expect(read.elements.get(element.id)?.hash).toBe(hash);
            expect(elementHash(model.getElement(element.id))).toBe(hash);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a hand-edited baseline is an error naming the edited elements', () => {
    const model = generateModel({ elements: 30, seed: 7 });
    const text = baselineJson('T1', createSnapshot(model));
    const [first] = [...model.elements()];
    const edited = text.replace(`"name":${JSON.stringify(first!.name)}`, '"name":"edited by hand"');
    expect(edited).not.toBe(text);
    expect(() => parseBaseline(edited, 'baselines/T1.json')).toThrow(RepositoryError);
    expect(() => parseBaseline(edited, 'baselines/T1.json')).toThrow(
      new RegExp(
        `baselines/T1\\.json: the content of 1 entries does not match the hash stored with it \\(${first!.id.replaceAll('.', '\\.')}\\)`,
      ),
    );
  });
});
