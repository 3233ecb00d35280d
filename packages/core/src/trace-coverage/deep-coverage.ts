import type { Model } from '../model/model.js';
import { type CompiledRule, type CoverIndex, coverersOf } from './compiled-policy.js';

/**
 * A memoised test of deep coverage: an element is deeply covered when each of its needs is met and
 * every element that meets them is deeply covered in turn (an element whose kind has no policy needs
 * nothing). An element on a cycle of coverage is not covered, as in OpenFastTrace. Iterative, so a
 * long chain cannot overflow the stack.
 */
export function deepCoverage(
  model: Model,
  compiled: ReadonlyMap<string, CompiledRule>,
  index: CoverIndex,
): (id: string) => boolean {
  const done = new Map<string, boolean>();
  const onStack = new Set<string>();
  const children = (id: string): { shallow: boolean; coverers: string[] } => {
    const rule = compiled.get(model.graph.getNodeAttribute(id, 'element').kind);
    if (!rule) return { shallow: true, coverers: [] };
    const coverers: string[] = [];
    let shallow = true;
    for (const need of rule.needs) {
      const by = coverersOf(model, index, id, need);
      if (by.length === 0) shallow = false;
      coverers.push(...by);
    }
    return { shallow, coverers };
  };
  return (start: string): boolean => {
    const known = done.get(start);
    if (known !== undefined) return known;
    const stack: { id: string; ok: boolean; coverers: string[]; i: number }[] = [];
    const enter = (id: string) => {
      const { shallow, coverers } = children(id);
      onStack.add(id);
      stack.push({ id, ok: shallow, coverers: shallow ? coverers : [], i: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.ok && frame.i < frame.coverers.length) {
        const child = frame.coverers[frame.i++]!;
        const result = done.get(child);
        if (result !== undefined) frame.ok &&= result;
        else if (onStack.has(child)) frame.ok = false;
        else enter(child);
        continue;
      }
      stack.pop();
      onStack.delete(frame.id);
      done.set(frame.id, frame.ok);
      const parent = stack[stack.length - 1];
      if (parent) parent.ok &&= frame.ok;
    }
    return done.get(start)!;
  };
}
