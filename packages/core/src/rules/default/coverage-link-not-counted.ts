import { defineRule } from '../rule.js';
import { ruleCoverage } from './rule-coverage.js';

const WHY = {
  unwanted:
    'is unwanted coverage: the coverage policy does not want this kind here; remove the link or add the kind to the need',
  outdated: 'is outdated coverage: an end changed since the link was reviewed; check it and review it again',
} as const;

/** Coverage links that do not count, as OpenFastTrace reports them: unwanted and outdated coverage. */
export const coverageLinkNotCounted = defineRule({
  id: 'coverage-link-not-counted',
  severity: 'warning',
  description:
    'No coverage link is unwanted (from a kind the need does not name) or outdated (an end changed since the link was reviewed): such a link does not count as coverage.',
  check(context) {
    const model = context.model;
    for (const link of ruleCoverage(context).links) {
      const resolved = model.metamodel.relationNames.get(link.relation);
      if (!resolved) continue;
      const [source, target] = resolved.inverse ? [link.by, link.covered] : [link.covered, link.by];
      const relation = { type: resolved.type.name, source, target };
      const origin = model.originOfRelation(relation);
      context.report({
        elementId: link.covered,
        message: `${source} -${relation.type}-> ${target} ${WHY[link.reason]} (${link.covered} ${link.relation} ${link.by}).`,
        ...(origin ? { source: origin } : {}),
      });
    }
  },
});
