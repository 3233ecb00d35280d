import type { Model } from '../model/model.js';
import { type TraceHit, type TraceOptions, walkRelations } from './walk-relations.js';

/**
 * The elements upstream of `id`: those reached by following relations against the way they read
 * (without `types`: every relation, target to source), sorted by id, each with its depth and path.
 * Upstream of a test case along `verifiedBy` is the requirements it verifies.
 *
 * @example
 * traceUpstream(model, 'TC-LSS-001', { types: ['verifiedBy'] }) // the requirements it verifies
 */
export function traceUpstream(model: Model, id: string, options: TraceOptions = {}): TraceHit[] {
  return walkRelations(model, id, options, 'in');
}
