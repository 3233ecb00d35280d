/// <reference path="../../src/bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, test } from 'vitest';
import { elementsOf, isModdleElement, moddleTypeOf } from '../../src/parse/moddle-types.js';

describe('moddleTypeOf', () => {
  test('gives each element its own type, read once per prototype', () => {
    const moddle = new BpmnModdle();
    const task = moddle.create('bpmn:Task', { id: 'A' });
    const other = moddle.create('bpmn:Task', { id: 'B' });
    const flow = moddle.create('bpmn:SequenceFlow', { id: 'F' });
    // A generic element of an unknown namespace is a plain object with its own `$type`.
    const generic = { $type: 'v:thing', id: 'V' };
    expect([task, other, flow, generic, task, flow].map(moddleTypeOf)).toEqual([
      'bpmn:Task',
      'bpmn:Task',
      'bpmn:SequenceFlow',
      'v:thing',
      'bpmn:Task',
      'bpmn:SequenceFlow',
    ]);
    expect(isModdleElement(flow)).toBe(true);
  });

  test('other objects are read each time, and anything without a string $type is no element', () => {
    class Shaped {
      constructor(readonly $type: unknown) {}
    }
    expect(moddleTypeOf({ $type: 'bpmn:Task' })).toBe('bpmn:Task');
    expect(moddleTypeOf({ $type: 'bpmn:Lane' })).toBe('bpmn:Lane');
    // Not a prototype of bpmn-moddle's: nothing is remembered for it.
    expect(moddleTypeOf(new Shaped('x:y'))).toBe('x:y');
    expect(moddleTypeOf(new Shaped(3))).toBeUndefined();
    expect(moddleTypeOf(new Shaped('x:z'))).toBe('x:z');
    expect(moddleTypeOf(Object.create(null))).toBeUndefined();
    expect([null, undefined, 'bpmn:Task', 7].map(moddleTypeOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(elementsOf([{ $type: 'bpmn:Task' }, 'x', new Shaped(1)])).toEqual([{ $type: 'bpmn:Task' }]);
  });
});
