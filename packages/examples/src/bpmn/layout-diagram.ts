import type { DiagramSpec, NodeType } from './diagram-spec.js';

/** A rectangle in diagram coordinates. */
export type Bounds = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** A waypoint of an edge. */
export type Point = { readonly x: number; readonly y: number };

/** Where everything of a diagram is drawn, by spec key (pools by `pool` and external keys). */
export type Layout = {
  readonly pool: Bounds;
  readonly lanes: ReadonlyMap<string, Bounds>;
  readonly shapes: ReadonlyMap<string, Bounds>;
  readonly externals: ReadonlyMap<string, Bounds>;
};

const POOL_X = 160;
const POOL_Y = 80;
const POOL_HEADER = 30;
const LANE_HEIGHT = 200;
const COLUMN_WIDTH = 150;
const FIRST_COLUMN = POOL_X + POOL_HEADER + 100;
const EXTERNAL_HEIGHT = 80;
const EXTERNAL_GAP = 40;

const SIZES: Readonly<Record<NodeType | 'Data', readonly [number, number]>> = {
  StartEvent: [36, 36],
  EndEvent: [36, 36],
  Task: [100, 80],
  SendTask: [100, 80],
  ReceiveTask: [100, 80],
  CallActivity: [100, 80],
  ExclusiveGateway: [50, 50],
  ParallelGateway: [50, 50],
  Data: [36, 50],
};

/**
 * Lays a diagram out on a grid: one band per lane, one column per step of the spec, the upper half of
 * a lane for flow nodes (row 0) and the lower half for data (row 1), and black-box pools under the pool.
 */
export function layoutDiagram(spec: DiagramSpec): Layout {
  const columns = Math.max(...spec.nodes.map((n) => n.column), ...spec.data.map((d) => d.column)) + 1;
  const width = POOL_HEADER + 100 + columns * COLUMN_WIDTH;
  const pool = { x: POOL_X, y: POOL_Y, width, height: spec.lanes.length * LANE_HEIGHT };
  const lanes = new Map<string, Bounds>();
  spec.lanes.forEach((lane, i) => {
    const y = POOL_Y + i * LANE_HEIGHT;
    lanes.set(lane.key, { x: POOL_X + POOL_HEADER, y, width: width - POOL_HEADER, height: LANE_HEIGHT });
  });
  const place = (type: NodeType | 'Data', lane: string, column: number, row: number): Bounds => {
    const band = lanes.get(lane);
    if (!band) throw new Error(`lane "${lane}" is not in the spec`);
    const [w, h] = SIZES[type];
    const cx = FIRST_COLUMN + column * COLUMN_WIDTH;
    const cy = band.y + (row === 0 ? 65 : 150);
    return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
  };
  const shapes = new Map<string, Bounds>();
  for (const node of spec.nodes)
    shapes.set(node.key, place(node.type, node.lane, node.column, node.row ?? 0));
  for (const data of spec.data) shapes.set(data.key, place('Data', data.lane, data.column, 1));
  const externals = new Map<string, Bounds>();
  spec.externals.forEach((external, i) => {
    const y = pool.y + pool.height + EXTERNAL_GAP + i * (EXTERNAL_HEIGHT + EXTERNAL_GAP);
    externals.set(external.key, { x: POOL_X, y, width, height: EXTERNAL_HEIGHT });
  });
  return { pool, lanes, shapes, externals };
}

const centre = (b: Bounds): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Waypoints of a sequence flow: straight when both ends line up, else one elbow (at a gateway's corner). */
export function sequenceWaypoints(
  from: Bounds,
  to: Bounds,
  fromGateway: boolean,
  toGateway: boolean,
): Point[] {
  const s = centre(from);
  const t = centre(to);
  if (s.y === t.y)
    return [
      { x: from.x + from.width, y: s.y },
      { x: to.x, y: t.y },
    ];
  if (fromGateway) {
    const y = t.y > s.y ? from.y + from.height : from.y;
    return [
      { x: s.x, y },
      { x: s.x, y: t.y },
      { x: to.x, y: t.y },
    ];
  }
  if (toGateway) {
    const y = s.y > t.y ? to.y + to.height : to.y;
    return [
      { x: from.x + from.width, y: s.y },
      { x: t.x, y: s.y },
      { x: t.x, y },
    ];
  }
  const mid = (from.x + from.width + to.x) / 2;
  return [
    { x: from.x + from.width, y: s.y },
    { x: mid, y: s.y },
    { x: mid, y: t.y },
    { x: to.x, y: t.y },
  ];
}

/** Waypoints of a vertical edge between two shapes at `x` (a message flow, a data association). */
export function verticalWaypoints(from: Bounds, to: Bounds, x: number): Point[] {
  const down = centre(to).y > centre(from).y;
  return [
    { x, y: down ? from.y + from.height : from.y },
    { x, y: down ? to.y : to.y + to.height },
  ];
}

/** The x at which the `index`-th of `count` vertical edges leaves a shape, spread around its centre. */
export function spreadX(bounds: Bounds, index: number, count: number): number {
  return centre(bounds).x + (index - (count - 1) / 2) * 16;
}

/** The centre x of a shape. */
export function centreX(bounds: Bounds): number {
  return centre(bounds).x;
}
