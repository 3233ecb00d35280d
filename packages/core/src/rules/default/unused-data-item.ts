import { defineRule, type RuleContext } from '../rule.js';
import { describeElement } from './describe-element.js';

type Lookups = Pick<RuleContext<unknown>, 'has' | 'related'>;

/** True when an interface carries the element or something uses it. */
function passedOrUsed(context: Lookups, id: string): boolean {
  return context.has(id, 'carriedBy') || context.has(id, 'usedBy');
}

/** Whether a block, or a block it is part of, is carried or used; memoised, since items share blocks. */
function blockInUse(
  context: Lookups,
  block: string,
  memo: Map<string, boolean>,
  path = new Set<string>(),
): boolean {
  const known = memo.get(block);
  if (known !== undefined) return known;
  if (path.has(block)) return false;
  path.add(block);
  const used =
    passedOrUsed(context, block) ||
    context.related(block, 'partOf').some((up) => blockInUse(context, up, memo, path));
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
    const memo = new Map<string, boolean>();
    for (const item of context.elements()) {
      if (passedOrUsed(context, item.id)) continue;
      const blocks = context.related(item.id, 'partOf');
      if (blocks.some((block) => blockInUse(context, block, memo))) continue;
      context.report({
        elementId: item.id,
        message: `${describeElement(item)} is carried by no interface and used by nothing${blocks.length ? `, nor is its block ${blocks.join(', ')}` : ''}; remove it, or add it to the interfaces that pass it.`,
      });
    }
  },
});
