import { InvalidArgumentError } from '@tracery/core';
import { createMetamodel } from '@tracery/core/advanced';
import { describe, expect, test } from 'vitest';
import { relationshipTypeOf } from '../../src/cypher/cypher-name.js';
import { modelHash } from '../../src/export/export-record.js';
import { drain, inBackground } from '../../src/export/in-slices.js';
import { planExport, planNodes, planRelationships, withRelationships } from '../../src/export/plan-export.js';
import { HASH_PROPERTY } from '../../src/mapping/attribute-properties.js';
import { elementProperties } from '../../src/mapping/element-properties.js';
import { relationProperties } from '../../src/mapping/relation-properties.js';
import { buildModel, sampleModel } from '../helpers/sample-model.js';

describe('planning an export', () => {
  test('a node hashed when first read holds what the eager mapping gives: properties and hash', () => {
    const model = sampleModel();
    const plan = planExport(model);
    let rows = 0;
    for (const [kind, nodes] of plan.nodes) {
      for (const row of nodes) {
        const element = model.getElement(row.id);
        expect(element.kind).toBe(kind);
        const eager = elementProperties(element, model.metamodel);
        // The hash first, then the properties: either read seals the row, and both agree.
        expect(row.hash).toBe(eager[HASH_PROPERTY]);
        expect({ ...row.props }).toEqual(eager);
        rows += 1;
      }
    }
    expect(rows).toBe(model.elementCount);
  });

  test('relationships come by type, sorted by source then target, with the mapping of each relation', () => {
    const model = sampleModel();
    const plan = planExport(model);
    let count = 0;
    for (const [type, rows] of plan.relationships) {
      const keys = rows.map((row) => `${row.source}\u0000${row.target}`);
      expect(keys).toEqual([...keys].sort());
      for (const row of rows) {
        const relation = model
          .outRelations(row.source)
          .find((r) => r.target === row.target && relationshipTypeOf(r.type) === type);
        expect(relation).toBeDefined();
        expect(row.props).toEqual(relationProperties(relation!, model.metamodel));
        count += 1;
      }
    }
    expect(count).toBe(model.relationCount);
  });

  test('the relationships planned in slices and the model hash equal those planned at once', async () => {
    const model = sampleModel();
    const nodes = planNodes(model);
    const sliced = await inBackground(planRelationships(model, nodes.ids)).result;
    expect(sliced).toEqual(drain(planRelationships(model, nodes.ids)));
    expect(modelHash(withRelationships(nodes, sliced))).toBe(modelHash(planExport(sampleModel())));
  });

  test('planning the nodes already refuses a bad name that only a relation holds', () => {
    const metamodel = createMetamodel(
      [{ name: 'Thing', description: '', attributes: {} }],
      [
        {
          name: 'links',
          inverse: 'linked from',
          from: '*',
          to: '*',
          impact: { forward: 'propagate', backward: 'propagate' },
          description: '',
          attributes: {},
        },
      ],
    );
    const model = buildModel(
      [
        { id: 'A', kind: 'Thing' },
        { id: 'B', kind: 'Thing' },
      ],
      [['A', 'links', 'B', { 'bad\u0000key': 1 }]],
      metamodel,
    );
    expect(() => planNodes(model)).toThrow(InvalidArgumentError);
    expect(() => planNodes(model)).toThrow(/relation A -links-> B attribute: .*"bad\\u0000key" holds a NUL/);
  });
});

describe('sliced work in the background', () => {
  function* counting(to: number, seen: number[]) {
    for (let i = 0; i < to; i++) {
      seen.push(i);
      yield;
    }
    return seen.length;
  }

  test('runs between other tasks of the event loop and settles with its result', async () => {
    const seen: number[] = [];
    // Another task that takes one turn of the event loop after another, as a lane's replies do.
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const background = inBackground(counting(2_000, seen));
    // Nothing runs before the caller's next await: the caller's own work goes out first.
    expect(seen).toEqual([]);
    const result = await background.result;
    running = false;
    expect(result).toBe(2_000);
    // One slice a turn: the other task ran between them, not only before or after.
    expect(turns).toBeGreaterThan(1_000);
  });

  test('given up, it stops at its next pause and its result rejects', async () => {
    const seen: number[] = [];
    const background = inBackground(counting(1_000_000, seen));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    background.cancel();
    await expect(background.result).rejects.toThrow(/given up/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(1_000_000);
  });

  test('drain runs it to its end at once', () => {
    expect(drain(counting(5, []))).toBe(5);
  });
});
