import { DEFAULT_COMMENT_STATUSES } from '../../comments/comments-config.js';
import { defineRule } from '../rule.js';
import { describeElement } from './describe-element.js';

/** A baselined artefact with review comments still in a status that blocks a baseline. */
export const baselinedWithOpenComments = defineRule({
  id: 'baselined-with-open-comments',
  severity: 'error',
  description:
    'No artefact is baselined while a review comment on it is in Action or Requires further clarification (a status with blocksBaseline) and has no resolution.',
  kinds: ['Artefact'],
  check(context) {
    const comments = context.inputs.comments;
    if (!comments || comments.length === 0) return;
    const statuses = context.inputs.commentStatuses ?? DEFAULT_COMMENT_STATUSES;
    const blocking = new Set(statuses.filter((s) => s.blocksBaseline).map((s) => s.name));
    const open = new Map<string, string[]>();
    for (const comment of comments) {
      if (!blocking.has(comment.status) || comment.resolution !== undefined) continue;
      const list = open.get(comment.artefact) ?? [];
      list.push(`${comment.id} (${comment.status})`);
      open.set(comment.artefact, list);
    }
    for (const artefact of context.elements()) {
      const list = open.get(artefact.id);
      if (artefact.status !== 'baselined' || !list) continue;
      const shown = list.sort().slice(0, 5).join(', ');
      context.report({
        elementId: artefact.id,
        message: `${describeElement(artefact)} is baselined with ${list.length} unresolved review comment${list.length === 1 ? '' : 's'}: ${shown}${list.length > 5 ? ', ...' : ''}; answer them (a resolution) or take the artefact out of baseline.`,
      });
    }
  },
});
