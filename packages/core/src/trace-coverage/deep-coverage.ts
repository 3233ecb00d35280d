/** The deep status of an element, as OpenFastTrace's `DeepCoverageStatus` plus shallow-only coverage. */
export type DeepStatus = 'covered' | 'covered-shallow' | 'uncovered' | 'cycle';

/** One element of the coverage graph: whether its own needs are met, and the elements that count as covering it. */
export type CoverNode = { readonly shallow: boolean; readonly coverers: readonly string[] };

type Frame = { id: string; i: number };

/**
 * The deep status of every element of a coverage graph. An element is `covered` when its needs are met
 * and every element covering it is covered in turn, all the way down; `covered-shallow` when its needs
 * are met but something below is not; `uncovered` when a need is not met; `cycle` when it is on a cycle
 * of coverage or depends on one (OpenFastTrace's CYCLE; it wins over the others, as there). Elements
 * outside the graph (kinds with no needs) count as covered. Tarjan's algorithm, iterative, so a long
 * chain cannot overflow the stack; each element and link is visited once.
 */
export function deepStatuses(nodes: ReadonlyMap<string, CoverNode>): Map<string, DeepStatus> {
  const status = new Map<string, DeepStatus>();
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;
  const visit = (start: string) => {
    const frames: Frame[] = [];
    const enter = (id: string) => {
      order.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, i: 0 });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const coverers = nodes.get(frame.id)!.coverers;
      if (frame.i < coverers.length) {
        const child = coverers[frame.i++]!;
        if (!nodes.has(child)) continue;
        if (!order.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(child)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === order.get(frame.id)) settle(frame.id);
    }
  };
  // Tarjan emits a component after every component it reaches, so its coverers are settled already.
  const settle = (root: string) => {
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== root);
    const cyclic = members.length > 1 || nodes.get(root)!.coverers.includes(root);
    for (const id of members) status.set(id, cyclic ? 'cycle' : statusOf(nodes.get(id)!, status));
  };
  for (const id of nodes.keys()) if (!order.has(id)) visit(id);
  return status;
}

function statusOf(node: CoverNode, settled: ReadonlyMap<string, DeepStatus>): DeepStatus {
  let below: DeepStatus = 'covered';
  for (const child of node.coverers) {
    const s = settled.get(child) ?? 'covered';
    if (s === 'cycle') return 'cycle';
    if (s !== 'covered') below = 'covered-shallow';
  }
  return node.shallow ? below : 'uncovered';
}
