export { allSimplePaths, type SimplePathOptions, type SimplePaths } from './all-simple-paths.js';
export { type PathOptions, shortestPath } from './shortest-path.js';
export { traceDownstream } from './trace-downstream.js';
export {
  type TraceMatrix,
  type TraceMatrixLink,
  type TraceMatrixOptions,
  traceMatrix,
} from './trace-matrix.js';
export type { TraceDirection } from './trace-step.js';
export { traceUpstream } from './trace-upstream.js';
export type { TraceHit, TraceOptions } from './walk-relations.js';
