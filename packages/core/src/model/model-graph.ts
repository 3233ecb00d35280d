import { MultiDirectedGraph } from 'graphology';
import type { Element, Relation } from './element.js';

/**
 * The graphology view of a model: elements are nodes (attribute `element`), relations are directed
 * edges keyed by `relationKey` (attribute `relation`).
 */
export type ModelGraph = MultiDirectedGraph<{ element: Element }, { relation: Relation }>;

/**
 * Builds the graphology view of a model's elements and relations, in their insertion order (so the
 * view lists nodes and edges in the order the model does).
 */
export function buildModelGraph(
  elements: Iterable<Element>,
  relations: ReadonlyMap<string, Relation>,
): ModelGraph {
  const graph: ModelGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const element of elements) graph.addNode(element.id, { element });
  for (const [key, relation] of relations)
    graph.addDirectedEdgeWithKey(key, relation.source, relation.target, { relation });
  return graph;
}
