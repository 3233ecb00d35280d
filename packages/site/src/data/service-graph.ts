import { findElements, type Model } from '@tracery/core';
import { elementHref } from '../href.js';
import { interfaceParties, PARTY_KINDS } from './interface-parties.js';

/** The service map as Cytoscape elements: a node per service and role, an edge per sender -> receiver pair. */
export type GraphJson = {
  readonly nodes: readonly { data: { id: string; label: string; kind: string; href: string } }[];
  readonly edges: readonly { data: { id: string; source: string; target: string; label: string } }[];
};

/** The service map's graph, links relative to the site's root. */
export function serviceGraph(model: Model): GraphJson {
  const nodes = findElements(model, { kind: [...PARTY_KINDS] }).map((e) => ({
    data: { id: e.id, label: e.id, kind: e.kind, href: elementHref(e.id, '') },
  }));
  const pairs = new Map<string, string[]>();
  for (const i of interfaceParties(model))
    for (const from of i.senders)
      for (const to of i.receivers) {
        const key = `${from}\u0000${to}`;
        const group = pairs.get(key);
        if (group) group.push(i.id);
        else pairs.set(key, [i.id]);
      }
  const edges = [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, ids]) => {
      const [source, target] = key.split('\u0000') as [string, string];
      return {
        data: {
          id: `${source}->${target}`,
          source,
          target,
          label: ids.length > 2 ? `${ids.length} interfaces` : ids.join(', '),
        },
      };
    });
  return { nodes, edges };
}
