import type { Model } from './model.js';

/**
 * The groups of elements that reach each other along relations of one type (the strongly connected
 * components with a cycle), each sorted by id, the groups sorted by their first id.
 * Iterative Tarjan, linear in the size of the graph.
 *
 * @example
 * findCycles(model, 'partOf') // [['A', 'B']] when A partOf B and B partOf A
 */
export function findCycles(model: Model, type: string): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const successors = (node: string): string[] => {
    const next: string[] = [];
    for (const relation of model.outRelations(node)) if (relation.type === type) next.push(relation.target);
    return next;
  };

  for (const start of model.elementIds()) {
    if (index.has(start)) continue;
    const work: { node: string; next: string[]; i: number }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: successors(node), i: 0 });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const child = frame.next[frame.i++]!;
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      const selfLoop = group.length === 1 && frame.next.includes(frame.node);
      if (group.length > 1 || selfLoop) groups.push(group.sort());
    }
  }
  return groups.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
