import type { Model } from '../../model/model.js';
import { defineRule } from '../rule.js';
import { hasRelated, relatedIds } from '../rule-context.js';
import { describeElement } from './describe-element.js';

/** True when an interface carries the element or something uses it. */
function passedOrUsed(model: Model, id: string): boolean {
  return hasRelated(model, id, 'carriedBy') || hasRelated(model, id, 'usedBy');
}

/** Whether a block, or a block it is part of, is carried or used; memoised, since items share blocks. */
function blockInUse(
  model: Model,
  block: string,
  memo: Map<string, boolean>,
  path = new Set<string>(),
): boolean {
  const known = memo.get(block);
  if (known !== undefined) return known;
  if (path.has(block)) return false;
  path.add(block);
  const used =
    passedOrUsed(model, block) ||
    relatedIds(model, block, 'partOf').some((up) => blockInUse(model, up, memo, path));
  memo.set(block, used);
  return used;
}

/** A data item that no interface carries and nothing uses, neither directly nor through its blocks. */
export const unusedDataItem = defineRule({
  id: 'unused-data-item',
  severity: 'info',
  description:
    'Every data item is carried by an interface or used by a step or service, directly or through a block it is part of.',
  kinds: ['DataItem'],
  check(context) {
    const { model } = context;
    const memo = new Map<string, boolean>();
    for (const item of context.elements()) {
      if (passedOrUsed(model, item.id)) continue;
      const blocks = relatedIds(model, item.id, 'partOf');
      if (blocks.some((block) => blockInUse(model, block, memo))) continue;
      context.report({
        elementId: item.id,
        message: `${describeElement(item)} is carried by no interface and used by nothing${blocks.length ? `, nor is its block ${blocks.join(', ')}` : ''}; remove it, or add it to the interfaces that pass it.`,
      });
    }
  },
});
