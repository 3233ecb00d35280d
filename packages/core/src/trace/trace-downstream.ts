import type { Model } from '../model/model.js';
import { type TraceHit, type TraceOptions, walkRelations } from './walk-relations.js';

/**
 * The elements downstream of `id`: those reached by following relations as they read from it
 * (without `types`: every relation, source to target), sorted by id, each with its depth and path.
 * With inverse names, downstream of a requirement is what satisfies and verifies it.
 *
 * @example
 * traceDownstream(model, 'REQ-LSS-001', { types: ['satisfiedBy', 'verifiedBy'], maxDepth: 1 })
 */
export function traceDownstream(model: Model, id: string, options: TraceOptions = {}): TraceHit[] {
  return walkRelations(model, id, options, 'out');
}
