import type { ModdleObject } from 'bpmn-moddle';
import type { BuiltDiagram } from './build-diagram.js';
import {
  type Bounds,
  centreX,
  layoutDiagram,
  type Point,
  sequenceWaypoints,
  spreadX,
  verticalWaypoints,
} from './layout-diagram.js';

const GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway']);

/**
 * The diagram interchange (DI) of a built diagram: a shape for every pool, lane, flow node and data
 * reference, and an edge with waypoints for every sequence flow, message flow and data association.
 */
export function drawDiagram(built: BuiltDiagram): ModdleObject {
  const { moddle, spec } = built;
  const layout = layoutDiagram(spec);
  const bounds = (b: Bounds) => moddle.create('dc:Bounds', { ...b });
  const shape = (element: ModdleObject, b: Bounds, horizontal = false) =>
    moddle.create('bpmndi:BPMNShape', {
      id: `${String(element.id)}_di`,
      bpmnElement: element,
      bounds: bounds(b),
      ...(horizontal ? { isHorizontal: true } : {}),
    });
  const edge = (element: ModdleObject, points: readonly Point[]) =>
    moddle.create('bpmndi:BPMNEdge', {
      id: `${String(element.id)}_di`,
      bpmnElement: element,
      waypoint: points.map((p) => moddle.create('dc:Point', { ...p })),
    });
  const at = (key: string): Bounds => {
    const found = layout.shapes.get(key) ?? layout.externals.get(key);
    if (!found) throw new Error(`${spec.file}: nothing is drawn for "${key}"`);
    return found;
  };
  const shapes = [
    shape(built.pool, layout.pool, true),
    ...[...built.lanes].map(([key, lane]) => shape(lane, layout.lanes.get(key) as Bounds, true)),
    ...[...built.nodes].map(([key, node]) => shape(node, at(key))),
    ...[...built.data].map(([key, data]) => shape(data, at(key))),
    ...[...built.externals].map(([key, pool]) => shape(pool, at(key), true)),
  ];
  const sequence = built.sequenceFlows.map(([flow, from, to]) => {
    const source = built.nodes.get(from) as ModdleObject;
    const target = built.nodes.get(to) as ModdleObject;
    return edge(
      flow,
      sequenceWaypoints(at(from), at(to), GATEWAYS.has(source.$type), GATEWAYS.has(target.$type)),
    );
  });
  const messages = messageEdges(built, at, edge);
  const associations = built.associations.map(([association, from, to]) =>
    edge(association, verticalWaypoints(at(from), at(to), centreX(at(from)))),
  );
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `BPMNPlane_${spec.processId}`,
    bpmnElement: built.collaboration,
    planeElement: [...shapes, ...sequence, ...messages, ...associations],
  });
  return moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${spec.processId}`, plane });
}

/** Message flows run vertically from the flow node, spread when several leave or reach the same node. */
function messageEdges(
  built: BuiltDiagram,
  at: (key: string) => Bounds,
  edge: (element: ModdleObject, points: readonly Point[]) => ModdleObject,
): ModdleObject[] {
  const nodeEnd = (from: string, to: string) => (built.nodes.has(from) ? from : to);
  const counts = new Map<string, number>();
  for (const [, from, to] of built.messageFlows) {
    const key = nodeEnd(from, to);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return built.messageFlows.map(([flow, from, to]) => {
    const key = nodeEnd(from, to);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const x = spreadX(at(key), index, counts.get(key) ?? 1);
    return edge(flow, verticalWaypoints(at(from), at(to), x));
  });
}
