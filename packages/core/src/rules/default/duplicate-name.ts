import { z } from 'zod';
import type { SourceRef } from '../../diagnostics/diagnostic.js';
import type { Element } from '../../model/element.js';
import { compareById } from '../../model/model-queries.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeElement } from './describe-element.js';

/** A name with case, accents, punctuation and spacing taken out: "Energisation-status " -> "energisation status". */
export function normaliseName(name: string): string {
  // Plain ASCII (nearly every name) takes the fast path; the rest is decomposed and its accents dropped.
  if (/^[\x20-\x7e]*$/.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Two elements of one kind with the same name are two definitions of one thing. */
export const duplicateName = defineRule({
  id: 'duplicate-name',
  severity: 'warning',
  description:
    'No two elements of one kind have the same name once case, punctuation and spacing are ignored (option `ignoreKinds`).',
  options: z.object({ ignoreKinds: z.array(z.string()).default(['ProcessStep', 'TestCase']) }).strict(),
  check(context) {
    const ignore = new Set(context.options.ignoreKinds);
    // By kind, then by normalised name: no key string is built per element.
    const kinds = new Map<string, Map<string, Element[]>>();
    for (const element of context.elements()) {
      if (ignore.has(element.kind)) continue;
      const name = normaliseName(element.name);
      if (name === '') continue;
      let groups = kinds.get(element.kind);
      if (!groups) {
        groups = new Map();
        kinds.set(element.kind, groups);
      }
      const same = groups.get(name);
      if (same) same.push(element);
      else groups.set(name, [element]);
    }
    for (const groups of kinds.values())
      for (const same of groups.values()) if (same.length > 1) reportSame(context, same);
  },
});

/** Reports every element of a group of same-named elements but the first by id. */
function reportSame(context: RuleContext<unknown>, same: Element[]): void {
  same.sort(compareById);
  const first = same[0]!;
  const firstSource: SourceRef | undefined = context.model.originOfElement(first.id);
  for (let i = 1; i < same.length; i++) {
    const element = same[i]!;
    context.report({
      elementId: element.id,
      message: `${describeElement(element)} "${element.name}" has the same name as ${first.id} "${first.name}": two definitions of one thing? Merge them, or name each for what makes it different.`,
      ...(firstSource ? { related: [{ message: `${first.id} "${first.name}"`, source: firstSource }] } : {}),
    });
  }
}
