import { describeRelation } from '../../model/model.js';
import { defineRule } from '../rule.js';

/** A link whose far end changed since it was last reviewed (needs suspect links from the caller). */
export const suspectLink = defineRule({
  id: 'suspect-link',
  severity: 'warning',
  description:
    'No link is suspect: when an end changes after the link was reviewed (its review stamp), the link is reviewed again.',
  check(context) {
    for (const link of context.inputs.suspectLinks ?? []) {
      const { relation } = link;
      const holder = link.changed === relation.source ? relation.target : relation.source;
      if (!context.model.hasElement(holder)) continue;
      const what = link.changed
        ? `${link.changed} changed since the link was reviewed`
        : link.reason === 'never-reviewed'
          ? 'it was never reviewed'
          : 'both ends changed since the link was reviewed';
      const source = context.model.originOfRelation(relation) ?? context.model.originOfElement(holder);
      context.report({
        elementId: holder,
        message: `${describeRelation(relation)} is suspect: ${what}${link.reason ? ` (${link.reason})` : ''}; check that ${holder} still holds, then mark the link reviewed.`,
        ...(source ? { source } : {}),
      });
    }
  },
});
