import { createSnapshot, RepositoryError } from '@tracery/core';
import { BASELINE_HASH_SCHEME, baselineJson, elementHash, parseBaseline } from '@tracery/core/advanced';
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
        `baselines/T1\\.json: the content of 1 entry does not match the hash stored with it \\(${first!.id.replaceAll('.', '\\.')}\\)`,
      ),
    );
  });
});

describe('a baseline records the hash scheme it was written with', () => {
  const model = generateModel({ elements: 30, seed: 11 });
  const text = baselineJson('T1', createSnapshot(model));

  test('it is written in the file, and a file written before it was recorded reads as scheme 1', () => {
    expect(JSON.parse(text).hashScheme).toBe(BASELINE_HASH_SCHEME);
    const older = text.replace(`  "hashScheme": ${BASELINE_HASH_SCHEME},\n`, '');
    expect(older).not.toBe(text);
    expect(parseBaseline(older, 'baselines/T1.json')).toEqual(parseBaseline(text, 'baselines/T1.json'));
  });

  test('a scheme this version cannot check is an error that names it, not "everything changed"', () => {
    const newer = text.replace(`"hashScheme": ${BASELINE_HASH_SCHEME}`, '"hashScheme": 99');
    expect(() => parseBaseline(newer, 'baselines/T1.json')).toThrow(RepositoryError);
    expect(() => parseBaseline(newer, 'baselines/T1.json')).toThrow(
      /baselines\/T1\.json: written with hash scheme 99, which this version of Tracery cannot check \(it knows 1\)/,
    );
  });

  test('a hand-edited relation is named as a link', () => {
    const file = JSON.parse(text) as {
      relations: { relation: { source: string; type: string; target: string; attributes: object } }[];
    };
    const { relation } = file.relations[0]!;
    relation.attributes = { ...relation.attributes, note: 'hidden' };
    expect(() => parseBaseline(JSON.stringify(file), 'baselines/T1.json')).toThrow(
      `(${relation.source} -${relation.type}-> ${relation.target})`,
    );
  });
});
